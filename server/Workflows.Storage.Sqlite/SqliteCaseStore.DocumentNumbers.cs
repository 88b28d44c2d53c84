namespace Workflows.Storage.Sqlite;

public sealed partial class SqliteCaseStore
{
    public Task<long> ReserveDocumentNumberAsync(string series, int year, Guid caseId, string document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        var ct = cancellationToken;
        return WriteAsync(async (writer, tx) =>
        {
            var sequence = await ReserveDocumentNumberAsync(writer, tx, caseId, new DocumentNumberRequest(series, year, document), ct);
            await tx.CommitAsync(ct);
            return sequence;
        }, ct);
    }

    /// <summary>Inside the caller's write transaction: the counter and the reservation commit (or roll back) with it.</summary>
    private static async Task<long> ReserveDocumentNumberAsync(
        SqliteWriter writer, Microsoft.Data.Sqlite.SqliteTransaction tx, Guid caseId, DocumentNumberRequest request, CancellationToken ct)
    {
        var known = await writer.Command(tx, "SELECT seq FROM document_numbers WHERE case_id = @case AND document = @document",
            ("@case", caseId.Text()), ("@document", request.Document)).ExecuteScalarAsync(ct);
        if (known is not null) return Convert.ToInt64(known);

        var sequence = Convert.ToInt64(await writer.Command(tx,
            """
            INSERT INTO case_counters (office, year, last_seq) VALUES (@series, @year, 1)
            ON CONFLICT (office, year) DO UPDATE SET last_seq = last_seq + 1
            RETURNING last_seq
            """, ("@series", "doc:" + request.Series), ("@year", request.Year)).ExecuteScalarAsync(ct));
        await writer.ExecAsync(tx,
            "INSERT INTO document_numbers (series, year, seq, case_id, document) VALUES (@series, @year, @seq, @case, @document)", ct,
            ("@series", request.Series), ("@year", request.Year), ("@seq", sequence), ("@case", caseId.Text()), ("@document", request.Document));
        return sequence;
    }
}
