using System.Data;

namespace Workflows.Storage.PostgreSql;

public sealed partial class PostgreSqlCaseStore
{
    public async Task<IReadOnlyList<ChainBreak>> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var ct = cancellationToken;
        var verifier = new ChainVerifier();
        await using var connection = await OpenConnectionAsync(ct);
        // REPEATABLE READ, read only: both queries see one snapshot while writers carry on, so a
        // commit between them cannot show up as a false break.
        await using var tx = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await connection.ExecAsync(tx, "SET TRANSACTION READ ONLY", ct);
        await using (var command = connection.Command(tx,
            """
            SELECT c.id, c.version, c.head_hash, e.seq, e.type, e.payload, e.recorded_at, e.hash
            FROM cases c LEFT JOIN events e ON e.case_id = c.id
            ORDER BY c.id, e.seq
            """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            Guid? current = null;
            while (await reader.ReadAsync(ct))
            {
                var caseId = reader.GetGuid(0);
                if (caseId != current)
                {
                    verifier.BeginCase(caseId, reader.GetInt64(1), reader.GetString(2));
                    current = caseId;
                }
                if (reader.IsDBNull(3)) continue;
                verifier.Event(new StoredEvent(caseId, reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                    reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7)));
            }
        }
        await using (var orphans = connection.Command(tx,
            "SELECT e.case_id, COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = e.case_id) GROUP BY e.case_id"))
        await using (var reader = await orphans.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct)) verifier.OrphanEvents(reader.GetGuid(0), reader.GetInt64(1));
        }
        await tx.CommitAsync(ct);
        return verifier.Finish();
    }
}
