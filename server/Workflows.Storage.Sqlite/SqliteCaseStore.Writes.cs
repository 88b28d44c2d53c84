using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

// Steps shared by creation and append, always inside the caller's write transaction.
public sealed partial class SqliteCaseStore
{
    private sealed record StoredRequest(string Fingerprint, Guid CaseId, long Version);

    private static async Task<StoredRequest?> FindPriorRequestAsync(SqliteWriter writer, SqliteTransaction tx, IdempotencyKey? key, CancellationToken ct)
    {
        if (key is null) return null;
        var command = writer.Command(tx,
            "SELECT fingerprint, case_id, version FROM idempotency WHERE key = @key", ("@key", key.Key));
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new StoredRequest(reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetInt64(2));
    }

    private static Task RememberRequestAsync(SqliteWriter writer, SqliteTransaction tx, IdempotencyKey? key, Guid caseId, long version, CancellationToken ct) =>
        key is null
            ? Task.CompletedTask
            : writer.ExecAsync(tx, "INSERT INTO idempotency (key, fingerprint, case_id, version) VALUES (@key, @fp, @case, @version)", ct,
                ("@key", key.Key), ("@fp", key.RequestFingerprint), ("@case", caseId.Text()), ("@version", version));

    /// <summary>Appends the events after <paramref name="previousSequence"/>, chaining their hashes; returns the new head.</summary>
    private static async Task<(long Version, string HeadHash)> InsertEventsAsync(
        SqliteWriter writer, SqliteTransaction tx, Guid caseId, long previousSequence, string previousHash,
        IReadOnlyList<NewEvent> events, CancellationToken ct)
    {
        var command = writer.Command(tx,
            "INSERT INTO events (case_id, seq, type, payload, recorded_at, hash) VALUES (@case, @seq, @type, @payload, @at, @hash)");
        var caseParameter = command.Parameters.AddWithValue("@case", caseId.Text());
        var seq = command.Parameters.Add("@seq", SqliteType.Integer);
        var type = command.Parameters.Add("@type", SqliteType.Text);
        var payload = command.Parameters.Add("@payload", SqliteType.Text);
        var at = command.Parameters.Add("@at", SqliteType.Integer);
        var hash = command.Parameters.Add("@hash", SqliteType.Text);
        var sequence = previousSequence;
        var head = previousHash;
        foreach (var e in events)
        {
            sequence++;
            head = EventHash.Compute(head, caseId, sequence, e.Type, e.Payload, e.RecordedAt);
            seq.Value = sequence;
            type.Value = e.Type;
            payload.Value = e.Payload;
            at.Value = StoredTime.ToUnixMicroseconds(e.RecordedAt);
            hash.Value = head;
            await command.ExecuteNonQueryAsync(ct);
        }
        return (sequence, head);
    }

    private static async Task UpsertTimersAsync(SqliteWriter writer, SqliteTransaction tx, IEnumerable<ScheduledTimer> timers, CancellationToken ct)
    {
        foreach (var timer in timers)
        {
            // A fired timer stays fired (see ICaseStore.ScheduleAsync). A pending timer that already holds these
            // values is left alone: most commands schedule the same wake as the one before them, and rewriting
            // the row wrote its page and its index's page again for nothing.
            await writer.ExecAsync(tx,
                """
                INSERT INTO timers (id, case_id, kind, due_at, payload) VALUES (@id, @case, @kind, @due, @payload)
                ON CONFLICT (id) DO UPDATE SET case_id = excluded.case_id, kind = excluded.kind, due_at = excluded.due_at,
                    payload = excluded.payload
                WHERE timers.fired_at IS NULL AND NOT (timers.case_id = excluded.case_id AND timers.kind = excluded.kind
                    AND timers.due_at = excluded.due_at AND timers.payload = excluded.payload)
                """, ct,
                ("@id", timer.Id), ("@case", timer.CaseId.Text()), ("@kind", timer.Kind),
                ("@due", StoredTime.ToUnixMicroseconds(timer.DueAt)), ("@payload", timer.Payload));
        }
    }

    /// <summary>The change's outbox intents, document numbers and register entries, in the same transaction as its events.</summary>
    private static async Task WriteEffectsAsync(SqliteWriter writer, SqliteTransaction tx, Guid caseId, long version, CaseChange change, CancellationToken ct)
    {
        var at = StoredTime.ToUnixMicroseconds(change.Events[^1].RecordedAt);
        foreach (var intent in change.Intents)
        {
            await writer.ExecAsync(tx,
                "INSERT INTO intents (id, case_id, version, kind, payload, created_at) VALUES (@id, @case, @version, @kind, @payload, @at)", ct,
                ("@id", intent.Id), ("@case", caseId.Text()), ("@version", version), ("@kind", intent.Kind), ("@payload", intent.Payload), ("@at", at));
        }
        foreach (var request in change.DocumentNumbers) await ReserveDocumentNumberAsync(writer, tx, caseId, request, ct);
        if (change.RevokeCertificatesAs is { } status)
            await writer.ExecAsync(tx, "UPDATE certificates SET status = @status WHERE case_id = @case", ct, ("@status", status), ("@case", caseId.Text()));
        foreach (var mark in change.CreditMarks) await writer.ExecAsync(tx, InsertCreditMark, ct, CreditMarkParameters(mark));
        foreach (var c in change.Certificates)
        {
            await writer.ExecAsync(tx,
                """
                INSERT INTO certificates (identifier, case_id, document_id, holder_hash, status, record, pdf_sha256, issued_at)
                VALUES (@id, @case, @document, @holder, @status, @record, @pdf, @at)
                ON CONFLICT (identifier) DO UPDATE SET case_id = excluded.case_id, document_id = excluded.document_id,
                    holder_hash = excluded.holder_hash, status = excluded.status, record = excluded.record, pdf_sha256 = excluded.pdf_sha256,
                    issued_at = excluded.issued_at
                """, ct,
                ("@id", c.Identifier), ("@case", caseId.Text()), ("@document", c.DocumentId), ("@holder", c.HolderHash),
                ("@status", c.Status), ("@record", c.Record), ("@pdf", c.PdfSha256), ("@at", at));
        }
    }

    private static void Validate(CaseChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // Every change must move the version, or two writers at one version could both "win".
        if (change.Events.Count == 0) throw new ArgumentException("A case change needs at least one event.", nameof(change));
    }
}
