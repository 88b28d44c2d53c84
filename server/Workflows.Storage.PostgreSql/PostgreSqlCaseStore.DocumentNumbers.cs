using Npgsql;

namespace Workflows.Storage.PostgreSql;

public sealed partial class PostgreSqlCaseStore
{
    public async Task<long> ReserveDocumentNumberAsync(string series, int year, Guid caseId, string document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        try
        {
            return await TryReserveAsync(series, year, caseId, document, cancellationToken);
        }
        catch (PostgresException e) when (e.IsUniqueViolation("document_numbers_case_id_document_key"))
        {
            // A concurrent request reserved this document first; ours rolled back and gave its number back.
            return await TryReserveAsync(series, year, caseId, document, cancellationToken);
        }
    }

    private async Task<long> TryReserveAsync(string series, int year, Guid caseId, string document, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sequence = await ReserveDocumentNumberAsync(connection, tx, caseId, new DocumentNumberRequest(series, year, document), ct);
        await tx.CommitAsync(ct);
        return sequence;
    }

    /// <summary>Inside the caller's transaction: the counter and the reservation commit (or roll back) with it.</summary>
    private static async Task<long> ReserveDocumentNumberAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid caseId, DocumentNumberRequest request, CancellationToken ct)
    {
        var (series, year, document) = (request.Series, request.Year, request.Document);
        await using (var known = connection.Command(tx, "SELECT seq FROM document_numbers WHERE case_id = @case AND document = @document",
            ("case", caseId), ("document", document)))
        {
            if (await known.ExecuteScalarAsync(ct) is { } reserved) return Convert.ToInt64(reserved);
        }

        // The upsert locks the counter row until commit; a rollback returns the number (gap-free).
        long sequence;
        await using (var counter = connection.Command(tx,
            """
            INSERT INTO case_counters (office, year, last_seq) VALUES (@series, @year, 1)
            ON CONFLICT (office, year) DO UPDATE SET last_seq = case_counters.last_seq + 1
            RETURNING last_seq
            """, ("series", "doc:" + series), ("year", year)))
        {
            sequence = Convert.ToInt64(await counter.ExecuteScalarAsync(ct));
        }
        await using (var insert = connection.Command(tx,
            "INSERT INTO document_numbers (series, year, seq, case_id, document) VALUES (@series, @year, @seq, @case, @document)",
            ("series", series), ("year", year), ("seq", sequence), ("case", caseId), ("document", document)))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }
        return sequence;
    }
}
