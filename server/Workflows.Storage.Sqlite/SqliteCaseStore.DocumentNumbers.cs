namespace Workflows.Storage.Sqlite;

public sealed partial class SqliteCaseStore
{
    public async Task<long> ReserveDocumentNumberAsync(string series, int year, Guid caseId, string document, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(series);
        ArgumentException.ThrowIfNullOrWhiteSpace(document);
        var ct = cancellationToken;
        using var turn = await WriteTurnAsync(ct);
        await using var connection = await OpenConnectionAsync(ct);
        await using var tx = BeginWrite(connection);
        await using (var known = connection.Command(tx, "SELECT seq FROM document_numbers WHERE case_id = @case AND document = @document",
            ("@case", caseId.Text()), ("@document", document)))
        {
            if (await known.ExecuteScalarAsync(ct) is { } reserved) return Convert.ToInt64(reserved);
        }

        // The counter and the reservation commit together: a failure below hands the number out again.
        long sequence;
        await using (var counter = connection.Command(tx,
            """
            INSERT INTO case_counters (office, year, last_seq) VALUES (@series, @year, 1)
            ON CONFLICT (office, year) DO UPDATE SET last_seq = last_seq + 1
            RETURNING last_seq
            """, ("@series", "doc:" + series), ("@year", year)))
        {
            sequence = Convert.ToInt64(await counter.ExecuteScalarAsync(ct));
        }
        await connection.ExecAsync(tx,
            "INSERT INTO document_numbers (series, year, seq, case_id, document) VALUES (@series, @year, @seq, @case, @document)", ct,
            ("@series", series), ("@year", year), ("@seq", sequence), ("@case", caseId.Text()), ("@document", document));
        await tx.CommitAsync(ct);
        return sequence;
    }
}
