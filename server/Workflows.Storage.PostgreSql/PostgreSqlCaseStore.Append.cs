using Npgsql;

namespace Workflows.Storage.PostgreSql;

public sealed partial class PostgreSqlCaseStore
{
    public async Task<AppendResult> AppendAsync(
        Guid caseId, long expectedVersion, CaseChange change, IdempotencyKey? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        Validate(change);
        try
        {
            return await TryAppendAsync(caseId, expectedVersion, change, idempotencyKey, cancellationToken);
        }
        catch (PostgresException e) when (e.IsUniqueViolation(IdempotencyConstraint))
        {
            // The same key was used on another case at the same moment and committed first.
            return await TryAppendAsync(caseId, expectedVersion, change, idempotencyKey, cancellationToken);
        }
    }

    private async Task<AppendResult> TryAppendAsync(
        Guid caseId, long expectedVersion, CaseChange change, IdempotencyKey? idempotencyKey, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        return await AppendInAsync(connection, tx, caseId, expectedVersion, change, idempotencyKey, ct);
    }

    /// <summary>The append inside the caller's transaction; commits it when the change is written.</summary>
    private static async Task<AppendResult> AppendInAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid caseId, long expectedVersion, CaseChange change, IdempotencyKey? idempotencyKey, CancellationToken ct)
    {
        // Lock the case row first: from here on no other writer can move this case, and a
        // same-key retry running beside us has either committed (we see its key) or waits.
        long current;
        string head;
        await using (var read = connection.Command(tx, "SELECT version, head_hash FROM cases WHERE id = @id FOR UPDATE", ("id", caseId)))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                await reader.DisposeAsync();
                return await PriorAnswerAsync(connection, tx, caseId, idempotencyKey, ct) ?? new AppendResult.NotFound(caseId);
            }
            current = reader.GetInt64(0);
            head = reader.GetString(1);
        }

        // The key is checked before the version: a retry of a request that succeeded finds the
        // case already moved on, and must get the original answer, not a conflict.
        if (await PriorAnswerAsync(connection, tx, caseId, idempotencyKey, ct) is { } answer) return answer;
        if (current != expectedVersion) return new AppendResult.Conflict(expectedVersion, current);

        var (version, newHead) = await InsertEventsAsync(connection, tx, caseId, current, head, change.Events, ct);
        await connection.ExecAsync(tx,
            $"""
            UPDATE cases SET version = @version, head_hash = @head, state = @state, status = @status, department = @department,
                applicant_name = @applicant_name, applicant_id = @applicant_id, due_date = @due_date,
                parties = @parties, is_open = @open, updated_at = @updated_at, {CaseFiguresSql.Set}
            WHERE id = @id
            """, ct,
            [("id", caseId), ("version", version), ("head", newHead), .. IndexParameters(change.Snapshot), ("updated_at", change.Events[^1].RecordedAt.Utc()),
                .. CaseFiguresSql.Parameters(change.Snapshot.Index.Figures)]);
        await UpsertTimersAsync(connection, tx, change.Timers, ct);
        await WriteEffectsAsync(connection, tx, caseId, version, change, ct);
        await RememberRequestAsync(connection, tx, idempotencyKey, caseId, version, ct);
        await tx.CommitAsync(ct);
        return new AppendResult.Appended(version);
    }

    private static async Task<AppendResult?> PriorAnswerAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid caseId, IdempotencyKey? key, CancellationToken ct)
    {
        if (await FindPriorRequestAsync(connection, tx, key, ct) is not { } prior) return null;
        return prior.Fingerprint == key!.RequestFingerprint && prior.CaseId == caseId
            ? new AppendResult.Appended(prior.Version, Replayed: true)
            : new AppendResult.IdempotencyMismatch(key.Key);
    }
}
