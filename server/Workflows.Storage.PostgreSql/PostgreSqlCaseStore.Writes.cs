using NpgsqlTypes;
using Npgsql;

namespace Workflows.Storage.PostgreSql;

// Steps shared by creation and append, always inside the caller's transaction.
public sealed partial class PostgreSqlCaseStore
{
    private const string IdempotencyConstraint = "idempotency_pkey";

    private sealed record StoredRequest(string Fingerprint, Guid CaseId, long Version);

    private static async Task<StoredRequest?> FindPriorRequestAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, IdempotencyKey? key, CancellationToken ct)
    {
        if (key is null) return null;
        await using var command = connection.Command(tx,
            "SELECT fingerprint, case_id, version FROM idempotency WHERE key = @key", ("key", key.Key));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new StoredRequest(reader.GetString(0), reader.GetGuid(1), reader.GetInt64(2));
    }

    private static Task RememberRequestAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IdempotencyKey? key, Guid caseId, long version, CancellationToken ct) =>
        key is null
            ? Task.CompletedTask
            : connection.ExecAsync(tx, "INSERT INTO idempotency (key, fingerprint, case_id, version) VALUES (@key, @fp, @case, @version)", ct,
                ("key", key.Key), ("fp", key.RequestFingerprint), ("case", caseId), ("version", version));

    /// <summary>Appends the events after <paramref name="previousSequence"/>, chaining their hashes; returns the new head.</summary>
    private static async Task<(long Version, string HeadHash)> InsertEventsAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, Guid caseId, long previousSequence, string previousHash,
        IReadOnlyList<NewEvent> events, CancellationToken ct)
    {
        // One batch: a command with several events costs one round trip, not one per event.
        await using var batch = new NpgsqlBatch(connection, tx);
        var sequence = previousSequence;
        var head = previousHash;
        foreach (var e in events)
        {
            sequence++;
            head = EventHash.Compute(head, caseId, sequence, e.Type, e.Payload, e.RecordedAt);
            var command = new NpgsqlBatchCommand(
                "INSERT INTO events (case_id, seq, type, payload, recorded_at, hash) VALUES ($1, $2, $3, $4, $5, $6)");
            command.Parameters.Add(new NpgsqlParameter { Value = caseId });
            command.Parameters.Add(new NpgsqlParameter { Value = sequence });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Type });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Payload });
            command.Parameters.Add(new NpgsqlParameter { Value = e.RecordedAt.Utc(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter { Value = head });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
        return (sequence, head);
    }

    private static async Task UpsertTimersAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<ScheduledTimer> timers, CancellationToken ct)
    {
        foreach (var timer in timers)
        {
            // A fired timer stays fired (see ICaseStore.ScheduleAsync).
            await connection.ExecAsync(tx,
                """
                INSERT INTO timers (id, case_id, kind, due_at, payload) VALUES (@id, @case, @kind, @due, @payload)
                ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, kind = excluded.kind, due_at = excluded.due_at,
                    payload = excluded.payload WHERE timers.fired_at IS NULL
                """, ct,
                ("id", timer.Id), ("case", timer.CaseId), ("kind", timer.Kind), ("due", timer.DueAt.Utc()), ("payload", timer.Payload));
        }
    }

    /// <summary>The change's outbox intents, document numbers and register entries, in the same transaction as its events.</summary>
    private static async Task WriteEffectsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid caseId, long version, CaseChange change, CancellationToken ct)
    {
        var at = change.Events[^1].RecordedAt.Utc();
        foreach (var intent in change.Intents)
        {
            await connection.ExecAsync(tx,
                "INSERT INTO intents (id, case_id, version, kind, payload, created_at) VALUES (@id, @case, @version, @kind, @payload, @at)", ct,
                ("id", intent.Id), ("case", caseId), ("version", version), ("kind", intent.Kind), ("payload", intent.Payload), ("at", at));
        }
        foreach (var request in change.DocumentNumbers) await ReserveDocumentNumberAsync(connection, tx, caseId, request, ct);
        if (change.RevokeCertificatesAs is { } status)
            await connection.ExecAsync(tx, "UPDATE certificates SET status = @status WHERE case_id = @case", ct, ("status", status), ("case", caseId));
        foreach (var mark in change.CreditMarks) await connection.ExecAsync(tx, InsertCreditMark, ct, CreditMarkParameters(mark));
        foreach (var c in change.Certificates)
        {
            await connection.ExecAsync(tx,
                """
                INSERT INTO certificates (identifier, case_id, document_id, holder_hash, status, record, pdf_sha256, issued_at)
                VALUES (@id, @case, @document, @holder, @status, @record, @pdf, @at)
                ON CONFLICT (identifier) DO UPDATE SET case_id = excluded.case_id, document_id = excluded.document_id,
                    holder_hash = excluded.holder_hash, status = excluded.status, record = excluded.record, pdf_sha256 = excluded.pdf_sha256,
                    issued_at = excluded.issued_at
                """, ct,
                ("id", c.Identifier), ("case", caseId), ("document", c.DocumentId), ("holder", c.HolderHash),
                ("status", c.Status), ("record", c.Record), ("pdf", c.PdfSha256), ("at", at));
        }
    }

    private static (string, object?)[] IndexParameters(CaseSnapshot snapshot) =>
    [
        ("state", snapshot.State), ("status", snapshot.Index.Status), ("department", snapshot.Index.Department),
        ("applicant_name", snapshot.Index.ApplicantName), ("applicant_id", snapshot.Index.ApplicantId),
        ("due_date", snapshot.Index.DueDate), ("parties", snapshot.Index.Parties), ("open", snapshot.Index.Open),
    ];

    private static void Validate(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // Every change must move the version, or two writers at one version could both "win".
        if (change.Events.Count == 0) throw new ArgumentException("A case change needs at least one event.", nameof(change));
    }
}
