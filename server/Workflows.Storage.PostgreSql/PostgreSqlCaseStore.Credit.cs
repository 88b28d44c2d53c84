using System.Globalization;
using Npgsql;

namespace Workflows.Storage.PostgreSql;

// 信用记录: the credit_marks table of the schema migrations (numbered, append-only).
public sealed partial class PostgreSqlCaseStore : ICreditRecords
{
    private const string InsertCreditMark =
        """
        INSERT INTO credit_marks (id, applicant_id, kind, reason, marked_on, case_id, case_number, applicant_name, basis, valid_until, added_by)
        VALUES (@id, @applicant, @kind, @reason, @on, @case, @number, @name, @basis, @until, @by) ON CONFLICT (id) DO NOTHING
        """;

    private const string CreditMarkColumns =
        "id, applicant_id, kind, reason, marked_on, case_id, case_number, applicant_name, basis, valid_until, added_by, lifted_on, lifted_by, lift_reason";

    private static DateOnly? IsoDate(DateOnly? day) => day;

    private static DateOnly? IsoDate(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateOnly>(column);

    private static string? TextOrNull(NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static (string, object?)[] CreditMarkParameters(StoredCreditMark mark) =>
    [
        ("id", mark.Id), ("applicant", mark.ApplicantId), ("kind", mark.Kind), ("reason", mark.Reason),
        ("on", IsoDate(mark.MarkedOn)), ("case", mark.CaseId), ("number", mark.CaseNumber),
        ("name", mark.ApplicantName), ("basis", mark.Basis), ("until", IsoDate(mark.ValidUntil)), ("by", mark.AddedBy),
    ];

    private async Task<List<StoredCreditMark>> ReadCreditMarksAsync(string sql, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var marks = new List<StoredCreditMark>();
        while (await reader.ReadAsync(cancellationToken))
        {
            marks.Add(new StoredCreditMark(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                IsoDate(reader, 4)!.Value, reader.IsDBNull(5) ? null : reader.GetGuid(5), TextOrNull(reader, 6))
            {
                ApplicantName = TextOrNull(reader, 7), Basis = TextOrNull(reader, 8), ValidUntil = IsoDate(reader, 9), AddedBy = TextOrNull(reader, 10),
                LiftedOn = IsoDate(reader, 11), LiftedBy = TextOrNull(reader, 12), LiftReason = TextOrNull(reader, 13),
            });
        }
        return marks;
    }

    public async Task<IReadOnlyList<StoredCreditMark>> FindCreditMarksAsync(string applicantId, CancellationToken cancellationToken = default) =>
        await ReadCreditMarksAsync($"SELECT {CreditMarkColumns} FROM credit_marks WHERE applicant_id = @applicant ORDER BY marked_on DESC, id",
            cancellationToken, ("applicant", applicantId));

    public async Task<StoredCreditMark?> FindCreditMarkAsync(string id, CancellationToken cancellationToken = default) =>
        (await ReadCreditMarksAsync($"SELECT {CreditMarkColumns} FROM credit_marks WHERE id = @id", cancellationToken, ("id", id))).SingleOrDefault();

    public async Task<StoredCreditMark?> FindActiveCreditMarkAsync(string applicantId, DateOnly today, CancellationToken cancellationToken = default) =>
        (await ReadCreditMarksAsync(
            $"""
            SELECT {CreditMarkColumns} FROM credit_marks
            WHERE applicant_id = @applicant AND lifted_on IS NULL AND (valid_until IS NULL OR valid_until >= @today)
            ORDER BY marked_on DESC, id LIMIT 1
            """,
            cancellationToken, ("applicant", applicantId), ("today", IsoDate(today)))).SingleOrDefault();

    public async Task<CreditMarkPage> ListCreditMarksAsync(CreditMarkQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = query.ApplicantId is null ? "" : " WHERE applicant_id = @applicant";
        (string, object?)[] filter = query.ApplicantId is null ? [] : [("applicant", query.ApplicantId)];
        var marks = await ReadCreditMarksAsync($"SELECT {CreditMarkColumns} FROM credit_marks{where} ORDER BY marked_on DESC, id LIMIT @take OFFSET @skip",
            cancellationToken, [.. filter, ("take", query.Take), ("skip", query.Skip)]);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var count = connection.Command(null, $"SELECT COUNT(*) FROM credit_marks{where}", filter);
        return new CreditMarkPage(marks, Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture));
    }

    public async Task<bool> AddCreditMarkAsync(StoredCreditMark mark, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mark);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null, InsertCreditMark, cancellationToken, CreditMarkParameters(mark)) > 0;
    }

    public async Task<CreditMarkLift> LiftCreditMarkAsync(string id, DateOnly on, string by, string reason, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var lifted = await connection.ExecAsync(null,
            "UPDATE credit_marks SET lifted_on = @on, lifted_by = @by, lift_reason = @reason WHERE id = @id AND lifted_on IS NULL",
            cancellationToken, ("on", IsoDate(on)), ("by", by), ("reason", reason), ("id", id));
        if (lifted > 0) return CreditMarkLift.Lifted;
        await using var exists = connection.Command(null, "SELECT COUNT(*) FROM credit_marks WHERE id = @id", ("id", id));
        return Convert.ToInt32(await exists.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0 ? CreditMarkLift.AlreadyLifted : CreditMarkLift.NotFound;
    }
}
