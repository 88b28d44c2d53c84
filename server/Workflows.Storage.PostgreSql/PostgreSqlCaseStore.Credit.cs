namespace Workflows.Storage.PostgreSql;

// 信用记录: the credit_marks table of the schema migrations (numbered, append-only).
public sealed partial class PostgreSqlCaseStore : ICreditRecords
{
    private const string InsertCreditMark =
        """
        INSERT INTO credit_marks (id, applicant_id, kind, reason, marked_on, case_id, case_number)
        VALUES (@id, @applicant, @kind, @reason, @on, @case, @number) ON CONFLICT (id) DO NOTHING
        """;

    private static (string, object?)[] CreditMarkParameters(StoredCreditMark mark) =>
    [
        ("id", mark.Id), ("applicant", mark.ApplicantId), ("kind", mark.Kind), ("reason", mark.Reason),
        ("on", mark.MarkedOn), ("case", mark.CaseId), ("number", mark.CaseNumber),
    ];

    public async Task<IReadOnlyList<StoredCreditMark>> FindCreditMarksAsync(string applicantId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            "SELECT id, applicant_id, kind, reason, marked_on, case_id, case_number FROM credit_marks WHERE applicant_id = @applicant ORDER BY marked_on DESC, id",
            ("applicant", applicantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var marks = new List<StoredCreditMark>();
        while (await reader.ReadAsync(cancellationToken))
        {
            marks.Add(new StoredCreditMark(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetGuid(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        }
        return marks;
    }

    public async Task<bool> AddCreditMarkAsync(StoredCreditMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null, InsertCreditMark, cancellationToken, CreditMarkParameters(mark)) > 0;
    }
}
