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

        long current;
        string head;
        var read = writer.Command(tx, "SELECT version, head_hash FROM cases WHERE id = @id", ("@id", caseId.Text()));
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct)) return new AppendResult.NotFound(caseId);
            current = reader.GetInt64(0);
            head = reader.GetString(1);
        }
        if (current != expectedVersion) return new AppendResult.Conflict(expectedVersion, current);

        var (version, newHead) = await InsertEventsAsync(writer, tx, caseId, current, head, change.Events, ct);
        var index = change.Snapshot.Index;
        await writer.ExecAsync(tx,
            $"""
            UPDATE cases SET version = @version, head_hash = @head, state = @state, status = @status, department = @department,
                applicant_name = @applicant_name, applicant_id = @applicant_id, due_date = @due_date,
                parties = @parties, is_open = @open, updated_at = @updated_at, {CaseFiguresSql.Set}
            WHERE id = @id
            """, ct,
            [("@id", caseId.Text()), ("@version", version), ("@head", newHead), ("@state", change.Snapshot.State),
            ("@status", index.Status), ("@department", index.Department), ("@applicant_name", index.ApplicantName),
            ("@applicant_id", index.ApplicantId), ("@due_date", index.DueDate.Text()), ("@parties", index.Parties), ("@open", index.Open),
            ("@updated_at", StoredTime.ToUnixMicroseconds(change.Events[^1].RecordedAt)), .. FigureParameters(index)]);
        await UpsertTimersAsync(writer, tx, change.Timers, ct);
        await WriteEffectsAsync(writer, tx, caseId, version, change, ct);
        await RememberRequestAsync(writer, tx, idempotencyKey, caseId, version, ct);
        await tx.CommitAsync(ct);
        return new AppendResult.Appended(version);
    }
}
