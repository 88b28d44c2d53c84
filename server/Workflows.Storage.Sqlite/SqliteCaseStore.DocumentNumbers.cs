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
            var known = await writer.Command(tx, "SELECT seq FROM document_numbers WHERE case_id = @case AND document = @document",
                ("@case", caseId.Text()), ("@document", document)).ExecuteScalarAsync(ct);
            if (known is not null)
            {
                await tx.CommitAsync(ct);
                return Convert.ToInt64(known);
            }

            // The counter and the reservation commit together: a failure below hands the number out again.
            var sequence = Convert.ToInt64(await writer.Command(tx,
                """
                INSERT INTO case_counters (office, year, last_seq) VALUES (@series, @year, 1)
                ON CONFLICT (office, year) DO UPDATE SET last_seq = last_seq + 1
                RETURNING last_seq
                """, ("@series", "doc:" + series), ("@year", year)).ExecuteScalarAsync(ct));
            await writer.ExecAsync(tx,
                "INSERT INTO document_numbers (series, year, seq, case_id, document) VALUES (@series, @year, @seq, @case, @document)", ct,
                ("@series", series), ("@year", year), ("@seq", sequence), ("@case", caseId.Text()), ("@document", document));
            await tx.CommitAsync(ct);
            return sequence;
        }, ct);
    }
}
