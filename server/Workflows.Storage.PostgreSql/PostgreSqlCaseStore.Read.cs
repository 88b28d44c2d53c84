using Npgsql;

namespace Workflows.Storage.PostgreSql;

public sealed partial class PostgreSqlCaseStore
{
    private const string SummaryColumns =
        "id, office, year, seq, number, version, status, department, applicant_name, applicant_id, due_date, created_at";

    public async Task<StoredCase?> LoadAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {SummaryColumns}, state FROM cases WHERE id = @id", ("id", caseId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var summary = ReadSummary(reader);
        return new StoredCase(summary.Id, summary.Number, summary.Version, new CaseSnapshot(reader.GetString(12), summary.Index));
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            "SELECT seq, type, payload, recorded_at, hash FROM events WHERE case_id = @id ORDER BY seq", ("id", caseId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StoredEvent(caseId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
        }
        return events;
    }

    public async Task<CasePage> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1);
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        void Filter(string clause, string name, object value)
        {
            filters.Add(clause);
            parameters.Add((name, value));
        }
        if (query.Number is { } number) Filter("number = @number", "number", number);
        if (query.ApplicantNamePrefix is { } name) Filter("applicant_name LIKE @name ESCAPE '\\'", "name", LikePrefix(name));
        if (query.ApplicantId is { } applicantId) Filter("applicant_id = @applicant_id", "applicant_id", applicantId);
        if (query.Status is { } status) Filter("status = @status", "status", status);
        if (query.Department is { } department) Filter("department = @department", "department", department);
        if (query.DueBefore is { } due) Filter("due_date < @due", "due", due);
        parameters.Add(("take", query.Take + 1));
        parameters.Add(("skip", query.Skip));
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);

        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            $"SELECT {SummaryColumns} FROM cases {where} ORDER BY created_at DESC, id LIMIT @take OFFSET @skip", [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<CaseSummary>();
        while (await reader.ReadAsync(cancellationToken)) items.Add(ReadSummary(reader));
        // One row more than asked tells whether another page exists without counting.
        var hasMore = items.Count > query.Take;
        if (hasMore) items.RemoveAt(items.Count - 1);
        return new CasePage(items, hasMore);
    }

    /// <summary>A LIKE pattern matching values that start with <paramref name="prefix"/> literally.</summary>
    internal static string LikePrefix(string prefix) =>
        prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    private static CaseSummary ReadSummary(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        new CaseNumber(reader.GetString(1), reader.GetInt32(2), reader.GetInt64(3), reader.GetString(4)),
        reader.GetInt64(5),
        new CaseIndex(reader.GetString(6), reader.ReadNullableString(7), reader.ReadNullableString(8),
            reader.ReadNullableString(9), reader.ReadDate(10)),
        reader.GetFieldValue<DateTimeOffset>(11));
}
