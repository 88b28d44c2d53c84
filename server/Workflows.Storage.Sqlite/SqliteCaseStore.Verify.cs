namespace Workflows.Storage.Sqlite;

public sealed partial class SqliteCaseStore
{
    public async Task<IReadOnlyList<ChainBreak>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var verifier = new ChainVerifier();
        await using var connection = await OpenConnectionAsync(ct);
        // One ordered pass over cases and their events; a deferred transaction gives the two
        // queries one consistent WAL snapshot while writers carry on.
        await using var tx = connection.BeginTransaction(deferred: true);
        await using (var command = connection.Command(tx,
            """
            SELECT c.id, c.version, c.head_hash, e.seq, e.type, e.payload, e.recorded_at, e.hash
            FROM cases c LEFT JOIN events e ON e.case_id = c.id
            ORDER BY c.id, e.seq
            """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            string? current = null;
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                var caseId = Guid.Parse(id);
                if (id != current)
                {
                    verifier.BeginCase(caseId, reader.GetInt64(1), reader.GetString(2));
                    current = id;
                }
                if (reader.IsDBNull(3)) continue;
                verifier.Event(new StoredEvent(caseId, reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                    StoredTime.FromUnixMicroseconds(reader.GetInt64(6)), reader.GetString(7)));
            }
        }
        await using (var orphans = connection.Command(tx,
            "SELECT case_id, COUNT(*) FROM events WHERE case_id NOT IN (SELECT id FROM cases) GROUP BY case_id"))
        await using (var reader = await orphans.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) verifier.OrphanEvents(Guid.Parse(reader.GetString(0)), reader.GetInt64(1));
        }
        return verifier.Finish();
    }
}
