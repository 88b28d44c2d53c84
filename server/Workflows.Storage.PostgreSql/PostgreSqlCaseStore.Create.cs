using Npgsql;

namespace Workflows.Storage.PostgreSql;

public sealed partial class PostgreSqlCaseStore
{
    public async Task<CreateResult> CreateCaseAsync(NewCase newCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        ArgumentException.ThrowIfNullOrWhiteSpace(newCase.Office);
        try
        {
            return await TryCreateAsync(newCase, cancellationToken);
        }
        catch (PostgresException e) when (e.IsUniqueViolation(IdempotencyConstraint))
        {
            // A concurrent request with the same key committed first; ours rolled back (and gave
            // its number back). Answer as the retry it is.
            return await TryCreateAsync(newCase, cancellationToken);
        }
        catch (PostgresException e) when (e.IsUniqueViolation("cases_pkey"))
        {
            throw new DuplicateCaseException(newCase.Id, e);
        }
    }

    private async Task<CreateResult> TryCreateAsync(NewCase newCase, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);

        // The upsert locks the counter row until commit: concurrent creators of one office and
        // year queue here, and a rollback below returns the number (gap-free).
        long sequence;
        await using (var counter = connection.Command(tx,
            """
            INSERT INTO case_counters (office, year, last_seq) VALUES (@office, @year, 1)
            ON CONFLICT (office, year) DO UPDATE SET last_seq = case_counters.last_seq + 1
            RETURNING last_seq
            """, ("office", newCase.Office), ("year", newCase.Year)))
        {
            sequence = Convert.ToInt64(await counter.ExecuteScalarAsync(ct));
        }

        // The key is checked after taking the counter lock: a concurrent retry of this request
        // (same office and year) either committed before we got the lock, and we see its key, or
        // queues behind us and will see ours. Returning without commit rolls the increment back.
        if (await FindPriorRequestAsync(connection, tx, newCase.IdempotencyKey, ct) is { } prior)
        {
            if (prior.Fingerprint != newCase.IdempotencyKey!.RequestFingerprint || prior.CaseId != newCase.Id)
                return new CreateResult.IdempotencyMismatch(newCase.IdempotencyKey.Key);
            return new CreateResult.Created(prior.CaseId, await ReadNumberAsync(connection, tx, prior.CaseId, ct), Replayed: true);
        }

        var number = newCase.NumberFormat.Format(newCase.Office, newCase.Year, sequence);

        await using (var exists = connection.Command(tx, "SELECT 1 FROM cases WHERE id = @id", ("id", newCase.Id)))
        {
            if (await exists.ExecuteScalarAsync(ct) is not null) throw new DuplicateCaseException(newCase.Id);
        }

        var initial = newCase.Build(number);
        Validate(initial);
        var (version, head) = await InsertEventsAsync(connection, tx, newCase.Id, 0, EventHash.Genesis, initial.Events, ct);
        await connection.ExecAsync(tx,
            $"""
            INSERT INTO cases (id, office, year, seq, number, version, head_hash, state, status, department,
                applicant_name, applicant_id, due_date, parties, is_open, created_at, updated_at, {CaseFiguresSql.InsertColumns})
            VALUES (@id, @office, @year, @seq, @number, @version, @head, @state, @status, @department,
                @applicant_name, @applicant_id, @due_date, @parties, @open, @created_at, @updated_at, {CaseFiguresSql.InsertValues})
            """, ct,
            [
                ("id", newCase.Id), ("office", newCase.Office), ("year", newCase.Year), ("seq", sequence),
                ("number", number.Text), ("version", version), ("head", head), .. IndexParameters(initial.Snapshot),
                ("created_at", initial.Events[0].RecordedAt.Utc()), ("updated_at", initial.Events[^1].RecordedAt.Utc()),
                .. CaseFiguresSql.Parameters(initial.Snapshot.Index.Figures),
            ]);
        await UpsertTimersAsync(connection, tx, initial.Timers, ct);
        await WriteEffectsAsync(connection, tx, newCase.Id, version, initial, ct);
        await RememberRequestAsync(connection, tx, newCase.IdempotencyKey, newCase.Id, version, ct);
        await tx.CommitAsync(ct);
        return new CreateResult.Created(newCase.Id, number);
    }

    private static async Task<CaseNumber> ReadNumberAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid caseId, CancellationToken ct)
    {
        await using var command = connection.Command(tx, "SELECT office, year, seq, number FROM cases WHERE id = @id", ("id", caseId));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Idempotency record points at missing case {caseId}.");
        return new CaseNumber(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetString(3));
    }
}
