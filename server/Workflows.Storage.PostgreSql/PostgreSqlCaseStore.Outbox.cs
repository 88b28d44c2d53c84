using Npgsql;

namespace Workflows.Storage.PostgreSql;

// The outbox and the certificate register. A claim is one conditional UPDATE: a second claimer
// blocks on the row lock, then finds the lease taken (or the intent done) and gets nothing.
public sealed partial class PostgreSqlCaseStore
{
    private const string IntentColumns = "id, case_id, version, kind, payload, created_at, attempts, last_error, failed, done_at";
    private const string CertificateColumns = "identifier, case_id, document_id, holder_hash, status, record, pdf_sha256";

    public async Task<StoredIntent?> ClaimIntentAsync(string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        var found = await ReadIntentsAsync(
            $"""
            UPDATE intents SET attempts = attempts + 1, leased_until = @until
            WHERE id = @id AND done_at IS NULL AND (leased_until IS NULL OR leased_until <= @now)
            RETURNING {IntentColumns}
            """, cancellationToken, ("id", id), ("now", now.Utc()), ("until", (now + lease).Utc()));
        return found.Count == 1 ? found[0] : null;
    }

    public async Task<bool> CompleteIntentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null,
            "UPDATE intents SET done_at = @now, leased_until = NULL, last_error = NULL, failed = false WHERE id = @id AND done_at IS NULL",
            cancellationToken, ("id", id), ("now", now.Utc())) == 1;
    }

    public async Task FailIntentAsync(string id, string error, bool final, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            "UPDATE intents SET last_error = @error, failed = failed OR @final, leased_until = NULL WHERE id = @id AND done_at IS NULL",
            cancellationToken, ("id", id), ("error", error), ("final", final));
    }

    public Task<IReadOnlyList<StoredIntent>> PendingIntentsAsync(DateTimeOffset createdBefore, DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        ReadIntentsAsync(
            $"""
            SELECT {IntentColumns} FROM intents
            WHERE done_at IS NULL AND created_at <= @before AND (leased_until IS NULL OR leased_until <= @now)
            ORDER BY created_at, id LIMIT @limit
            """, cancellationToken, ("before", createdBefore.Utc()), ("now", now.Utc()), ("limit", limit));

    public async Task<bool> AddIntentAsync(NewIntent intent, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null,
            "INSERT INTO intents (id, case_id, version, kind, payload, created_at) VALUES (@id, @case, 0, @kind, @payload, @at) ON CONFLICT (id) DO NOTHING",
            cancellationToken, ("id", intent.Id), ("case", Guid.Empty), ("kind", intent.Kind), ("payload", intent.Payload), ("at", at.Utc())) == 1;
    }

    public async Task<StoredIntent?> FindIntentAsync(string id, CancellationToken cancellationToken = default) =>
        (await ReadIntentsAsync($"SELECT {IntentColumns} FROM intents WHERE id = @id", cancellationToken, ("id", id))).FirstOrDefault();

    public Task<IReadOnlyList<StoredIntent>> IntentsOfCaseAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        ReadIntentsAsync($"SELECT {IntentColumns} FROM intents WHERE case_id = @case ORDER BY created_at, id", cancellationToken, ("case", caseId));

    public async Task<StoredCertificate?> FindCertificateAsync(string identifier, CancellationToken cancellationToken = default) =>
        (await ReadCertificatesAsync($"SELECT {CertificateColumns} FROM certificates WHERE identifier = @id", cancellationToken, ("id", identifier))).FirstOrDefault();

    public Task<IReadOnlyList<StoredCertificate>> FindCertificatesByHolderAsync(string holderHash, CancellationToken cancellationToken = default) =>
        ReadCertificatesAsync($"SELECT {CertificateColumns} FROM certificates WHERE holder_hash = @holder ORDER BY issued_at DESC, identifier DESC",
            cancellationToken, ("holder", holderHash));

    public Task<IReadOnlyList<StoredCertificate>> CertificatesOfCaseAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        ReadCertificatesAsync($"SELECT {CertificateColumns} FROM certificates WHERE case_id = @case ORDER BY issued_at, identifier",
            cancellationToken, ("case", caseId));

    public async Task SetCertificatePdfAsync(string identifier, string pdfSha256, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null, "UPDATE certificates SET pdf_sha256 = @pdf WHERE identifier = @id AND pdf_sha256 IS NULL",
            cancellationToken, ("id", identifier), ("pdf", pdfSha256));
    }

    public async Task<bool> ImportCertificateAsync(StoredCertificate c, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(c);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null,
            """
            INSERT INTO certificates (identifier, case_id, document_id, holder_hash, status, record, pdf_sha256, issued_at)
            VALUES (@id, @case, @document, @holder, @status, @record, @pdf, now())
            ON CONFLICT (identifier) DO NOTHING
            """, cancellationToken,
            ("id", c.Identifier), ("case", c.CaseId), ("document", c.DocumentId), ("holder", c.HolderHash),
            ("status", c.Status), ("record", c.Record), ("pdf", c.PdfSha256)) == 1;
    }

    public async Task<TimerFiring> FireTimerAsync(string timerId, DateTimeOffset firedAt, Func<StoredCase, CaseChange?> tick, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tick);
        var ct = cancellationToken;
        await using var connection = await OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // The claim and the tick share this transaction: both commit or neither does. The case row
        // is locked before the timer row, in the order an append takes them, so the two cannot deadlock;
        // a second claimer waits and then finds the timer fired.
        Guid caseId;
        await using (var find = connection.Command(tx, "SELECT case_id FROM timers WHERE id = @id AND fired_at IS NULL", ("id", timerId)))
        {
            if (await find.ExecuteScalarAsync(ct) is not Guid pending) return TimerFiring.NotClaimed;
            caseId = pending;
        }
        StoredCase? stored = null;
        await using (var read = connection.Command(tx, $"SELECT {SummaryColumns}, state FROM cases WHERE id = @id FOR UPDATE", ("id", caseId)))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                var summary = ReadSummary(reader);
                stored = new StoredCase(summary.Id, summary.Number, summary.Version, new CaseSnapshot(reader.GetString(14), summary.Index));
            }
        }
        if (await connection.ExecAsync(tx, "UPDATE timers SET fired_at = @at WHERE id = @id AND fired_at IS NULL", ct,
                ("id", timerId), ("at", firedAt.Utc())) != 1)
            return TimerFiring.NotClaimed;
        var change = stored is null ? null : tick(stored);
        if (change is null)
        {
            await tx.CommitAsync(ct);
            return new TimerFiring(true);
        }
        Validate(change);
        var appended = await AppendInAsync(connection, tx, stored!.Id, stored.Version, change, null, ct);
        return appended is AppendResult.Appended a ? new TimerFiring(true, a.Version, change) : throw new InvalidOperationException($"tick not appended: {appended}");
    }

    private async Task<IReadOnlyList<StoredIntent>> ReadIntentsAsync(string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var intents = new List<StoredIntent>();
        while (await reader.ReadAsync(ct))
        {
            intents.Add(new StoredIntent(reader.GetString(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5), reader.GetInt32(6), reader.ReadNullableString(7), reader.GetBoolean(8),
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }
        return intents;
    }

    private async Task<IReadOnlyList<StoredCertificate>> ReadCertificatesAsync(string sql, CancellationToken ct, params (string, object?)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new List<StoredCertificate>();
        while (await reader.ReadAsync(ct))
        {
            found.Add(new StoredCertificate(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetGuid(1), reader.ReadNullableString(2),
                reader.ReadNullableString(3), reader.GetString(4), reader.GetString(5), reader.ReadNullableString(6)));
        }
        return found;
    }
}
