using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

public sealed partial class SqliteCaseStore
{
    public async Task<AppendResult> AppendAsync(
        Guid caseId, long expectedVersion, CaseChange change, IdempotencyKey? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Validate(change);
        var ct = cancellationToken;
        return await WriteAsync((writer, tx) => AppendAsync(writer, tx, caseId, expectedVersion, change, idempotencyKey, ct), ct);
    }

    private static async Task<AppendResult> AppendAsync(
        SqliteWriter writer, SqliteTransaction tx, Guid caseId, long expectedVersion, CaseChange change, IdempotencyKey? idempotencyKey, CancellationToken ct)
    {
        // The key is checked before the version: a retry of a request that succeeded finds the
        // case already moved on, and must get the original answer, not a conflict.
        if (await FindPriorRequestAsync(writer, tx, idempotencyKey, ct) is { } prior)
        {
            return prior.Fingerprint == idempotencyKey!.RequestFingerprint && prior.CaseId == caseId
                ? new AppendResult.Appended(prior.Version, Replayed: true)
                : new AppendResult.IdempotencyMismatch(idempotencyKey.Key);
        }

        var read = writer.Command(tx, ReadForAppend, ("@id", caseId.Text()));
        long current;
        string head;
        object?[] stored;
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return new AppendResult.NotFound(caseId);
            current = reader.GetInt64(0);
            head = reader.GetString(1);
            stored = new object?[IndexColumns.Length];
            for (var i = 0; i < stored.Length; i++) stored[i] = reader.IsDBNull(i + 2) ? null : reader.GetValue(i + 2);
        }
        if (current != expectedVersion) return new AppendResult.Conflict(expectedVersion, current);

        var (version, newHead) = await InsertEventsAsync(writer, tx, caseId, current, head, change.Events, ct);
        await UpdateCaseRowAsync(writer, tx, caseId, version, newHead, change, stored, ct);
        await UpsertTimersAsync(writer, tx, change.Timers, ct);
        await WriteEffectsAsync(writer, tx, caseId, version, change, ct);
        await RememberRequestAsync(writer, tx, idempotencyKey, caseId, version, ct);
        await tx.CommitAsync(ct);
        return new AppendResult.Appended(version);
    }

    /// <summary>The index and figure columns, in the order of <see cref="IndexValues"/>.</summary>
    private static readonly string[] IndexColumns =
        ["status", "department", "applicant_name", "applicant_id", "due_date", "parties", "is_open", .. CaseFiguresSql.Columns];

    private static readonly string ReadForAppend = $"SELECT version, head_hash, {string.Join(", ", IndexColumns)} FROM cases WHERE id = @id";

    /// <summary>The index and figure columns' values as this provider stores them (bools as 0/1, dates as ISO text).</summary>
    private static object?[] IndexValues(CaseIndex index) =>
    [
        index.Status, index.Department, index.ApplicantName, index.ApplicantId, index.DueDate.Text(), index.Parties, index.Open ? 1L : 0L,
        .. FigureParameters(index).Select(p => p.Item2 is bool b ? (b ? 1L : 0L) : p.Item2 is int n ? (long)n : p.Item2),
    ];

    /// <summary>
    /// Writes the case row of an append: version, head, snapshot and time always, and of the index and
    /// figure columns only those whose value changed. SQLite rewrites an index entry for every column an
    /// UPDATE sets, changed or not: setting all nineteen touched the cases table's thirteen secondary
    /// indexes on every command (a page each, written to the WAL), where a command changes two or three.
    /// The row ends the same either way. One prepared statement per set of changed columns (a few dozen at most).
    /// </summary>
    private static Task<int> UpdateCaseRowAsync(
        SqliteWriter writer, SqliteTransaction tx, Guid caseId, long version, string head, CaseChange change, object?[] stored, CancellationToken ct)
    {
        var values = IndexValues(change.Snapshot.Index);
        var sql = new System.Text.StringBuilder("UPDATE cases SET version = @version, head_hash = @head, state = @state, updated_at = @updated_at");
        var parameters = new List<(string, object?)>(8 + values.Length)
        {
            ("@id", caseId.Text()), ("@version", version), ("@head", head), ("@state", change.Snapshot.State),
            ("@updated_at", StoredTime.ToUnixMicroseconds(change.Events[^1].RecordedAt)),
        };
        for (var i = 0; i < values.Length; i++)
        {
            if (SameStored(stored[i], values[i])) continue;
            sql.Append(", ").Append(IndexColumns[i]).Append(" = @").Append(IndexColumns[i]);
            parameters.Add(("@" + IndexColumns[i], values[i]));
        }
        sql.Append(" WHERE id = @id");
        return writer.ExecAsync(tx, sql.ToString(), ct, [.. parameters]);
    }

    /// <summary>Whether a column read back (text, integer or null) already holds the value to write.</summary>
    private static bool SameStored(object? stored, object? value) => (stored, value) switch
    {
        (null, null) => true,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (long a, long b) => a == b,
        _ => false,
    };
}
