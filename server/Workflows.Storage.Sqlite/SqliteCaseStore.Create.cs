using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

public sealed partial class SqliteCaseStore
{
    public async Task<CreateResult> CreateCaseAsync(NewCase newCase, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        ArgumentException.ThrowIfNullOrWhiteSpace(newCase.Office);
        var ct = cancellationToken;
        return await WriteAsync((writer, tx) => CreateCaseAsync(writer, tx, newCase, ct), ct);
    }

    private static async Task<CreateResult> CreateCaseAsync(SqliteWriter writer, SqliteTransaction tx, NewCase newCase, CancellationToken ct)
    {
        if (await FindPriorRequestAsync(writer, tx, newCase.IdempotencyKey, ct) is { } prior)
        {
            if (prior.Fingerprint != newCase.IdempotencyKey!.RequestFingerprint || prior.CaseId != newCase.Id)
                return new CreateResult.IdempotencyMismatch(newCase.IdempotencyKey.Key);
            var existing = await ReadNumberAsync(writer, tx, prior.CaseId, ct);
            return new CreateResult.Created(prior.CaseId, existing, Replayed: true);
        }

        // The counter row is updated inside this transaction: if anything below fails, the
        // increment rolls back with it and the number is handed out again (gap-free).
        var counter = writer.Command(tx,
            """
            INSERT INTO case_counters (office, year, last_seq) VALUES (@office, @year, 1)
            ON CONFLICT (office, year) DO UPDATE SET last_seq = last_seq + 1
            RETURNING last_seq
            """, ("@office", newCase.Office), ("@year", newCase.Year));
        var sequence = Convert.ToInt64(await counter.ExecuteScalarAsync(ct));
        var number = newCase.NumberFormat.Format(newCase.Office, newCase.Year, sequence);

        if (await writer.Command(tx, "SELECT 1 FROM cases WHERE id = @id", ("@id", newCase.Id.Text())).ExecuteScalarAsync(ct) is not null)
            throw new DuplicateCaseException(newCase.Id);

        var initial = newCase.Build(number);
        Validate(initial);
        var (version, head) = await InsertEventsAsync(writer, tx, newCase.Id, 0, EventHash.Genesis, initial.Events, ct);
        var index = initial.Snapshot.Index;
        await writer.ExecAsync(tx,
            $"""
            INSERT INTO cases (id, office, year, seq, number, version, head_hash, state, status, department,
                applicant_name, applicant_id, due_date, parties, is_open, created_at, updated_at, {CaseFiguresSql.InsertColumns})
            VALUES (@id, @office, @year, @seq, @number, @version, @head, @state, @status, @department,
                @applicant_name, @applicant_id, @due_date, @parties, @open, @created_at, @updated_at, {CaseFiguresSql.InsertValues})
            """, ct,
            [("@id", newCase.Id.Text()), ("@office", newCase.Office), ("@year", newCase.Year), ("@seq", sequence),
            ("@number", number.Text), ("@version", version), ("@head", head), ("@state", initial.Snapshot.State),
            ("@status", index.Status), ("@department", index.Department), ("@applicant_name", index.ApplicantName),
            ("@applicant_id", index.ApplicantId), ("@due_date", index.DueDate.Text()), ("@parties", index.Parties), ("@open", index.Open),
            ("@created_at", StoredTime.ToUnixMicroseconds(initial.Events[0].RecordedAt)),
            ("@updated_at", StoredTime.ToUnixMicroseconds(initial.Events[^1].RecordedAt)), .. FigureParameters(index)]);
        await UpsertTimersAsync(writer, tx, initial.Timers, ct);
        await WriteEffectsAsync(writer, tx, newCase.Id, version, initial, ct);
        await RememberRequestAsync(writer, tx, newCase.IdempotencyKey, newCase.Id, version, ct);
        await tx.CommitAsync(ct);
        return new CreateResult.Created(newCase.Id, number);
    }

    private static async Task<CaseNumber> ReadNumberAsync(SqliteWriter writer, SqliteTransaction tx, Guid caseId, CancellationToken ct)
    {
        var command = writer.Command(tx, "SELECT office, year, seq, number FROM cases WHERE id = @id", ("@id", caseId.Text()));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Idempotency record points at missing case {caseId}.");
        return new CaseNumber(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetString(3));
    }
}
