using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

public sealed partial class SqliteCaseStore
{
    private const string SummaryColumns =
        "id, office, year, seq, number, version, status, department, applicant_name, applicant_id, due_date, created_at, parties, is_open";

    public async Task<PriorRequest?> FindRequestAsync(IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            "SELECT fingerprint, case_id, version FROM idempotency WHERE key = @key", ("@key", key.Key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new PriorRequest(Guid.Parse(reader.GetString(1)), reader.GetInt64(2), reader.GetString(0) == key.RequestFingerprint);
    }

    public async Task<StoredCase?> LoadAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            $"SELECT {SummaryColumns}, state FROM cases WHERE id = @id", ("@id", caseId.Text()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var summary = ReadSummary(reader);
        return new StoredCase(summary.Id, summary.Number, summary.Version, new CaseSnapshot(reader.GetString(14), summary.Index));
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            "SELECT seq, type, payload, recorded_at, hash FROM events WHERE case_id = @id ORDER BY seq", ("@id", caseId.Text()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(caseId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                StoredTime.FromUnixMicroseconds(reader.GetInt64(3)), reader.GetString(4)));
        }
        return events;
    }

    public async Task<CasePage> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        var (tail, parameters) = CaseSearchSql.Build(query, "@", d => ((DateOnly?)d).Text(), nameAsRange: true);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            $"SELECT {SummaryColumns} FROM cases {tail}", parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<CaseSummary>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(ReadSummary(reader));
        return CaseSearchSql.ToPage(rows, query.Take);
    }

    private static CaseSummary ReadSummary(SqliteDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        new CaseNumber(reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetString(4)),
        reader.GetInt64(5),
        new CaseIndex(reader.GetString(6), reader.ReadNullableString(7), reader.ReadNullableString(8),
            reader.ReadNullableString(9), reader.ReadDate(10), reader.ReadNullableString(12), reader.GetInt64(13) != 0),
        StoredTime.FromUnixMicroseconds(reader.GetInt64(11)));
}
