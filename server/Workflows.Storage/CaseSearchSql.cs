namespace Workflows.Storage;

/// <summary>
/// The search query's SQL, shared by the providers: both keep the same <c>cases</c> columns and
/// differ only in how parameters are named and how a date is passed.
/// </summary>
public static class CaseSearchSql
{
    /// <summary>
    /// The <c>WHERE … ORDER BY … LIMIT … OFFSET …</c> tail of the search and its parameters. It
    /// asks for one row more than <see cref="CaseQuery.Take"/>: see <see cref="ToPage"/>.
    /// </summary>
    /// <param name="prefix">How the provider names parameters in its parameter list (<c>@</c> for SQLite, none for Npgsql).</param>
    /// <param name="date">The provider's representation of a due date.</param>
    /// <param name="nameAsRange">
    /// Match a name prefix as a range of the binary order (<c>name &gt;= p AND name &lt; p + U+10FFFF</c>)
    /// instead of LIKE. SQLite can use the name's index only for that: its LIKE is case-insensitive and
    /// scanned all 100,000 cases of the benchmark (p95 253 ms). PostgreSQL keeps LIKE, which its index
    /// serves in a C-locale database (as the tests create it).
    /// </param>
    public static (string Tail, (string Name, object? Value)[] Parameters) Build(CaseQuery query, string prefix, Func<DateOnly, object?> date, bool nameAsRange = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegative(query.Skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Take, 1);
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        void Filter(string column, string op, string name, object? value)
        {
            filters.Add($"{column} {op} @{name}" + (op == "LIKE" ? " ESCAPE '\\'" : ""));
            parameters.Add((prefix + name, value));
        }
        if (query.Number is { } number) Filter("number", "=", "number", number);
        if (query.ApplicantNamePrefix is { } name && nameAsRange)
        {
            Filter("applicant_name", ">=", "name", name);
            Filter("applicant_name", "<", "name_end", name + char.ConvertFromUtf32(0x10FFFF));
        }
        else if (query.ApplicantNamePrefix is { } likeName) Filter("applicant_name", "LIKE", "name", LikePrefix(likeName));
        if (query.ApplicantId is { } applicantId) Filter("applicant_id", "=", "applicant_id", applicantId);
        if (query.Status is { } status) Filter("status", "=", "status", status);
        if (query.Department is { } department) Filter("department", "=", "department", department);
        if (query.DueBefore is { } due) Filter("due_date", "<", "due", date(due));
        if (query.Party is { } party) Filter("parties", "LIKE", "party", "%|" + LikePrefix(party)[..^1] + "|%");
        if (query.ProcedureOverrunOn is { } today) Filter("procedure_due", "<", "procedure_today", date(today));
        if (query.OpenOnly || query.ProcedureOverrunOn is not null) Filter("is_open", "=", "open", true);
        parameters.Add((prefix + "take", query.Take + 1));
        parameters.Add((prefix + "skip", query.Skip));
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        return ($"{where} ORDER BY created_at DESC, id LIMIT @take OFFSET @skip", [.. parameters]);
    }

    /// <summary>One row more than asked tells whether another page exists without counting a million rows.</summary>
    public static CasePage ToPage(List<CaseSummary> rows, int take)
    {
        var hasMore = rows.Count > take;
        if (hasMore) rows.RemoveAt(rows.Count - 1);
        return new CasePage(rows, hasMore);
    }

    /// <summary>A LIKE pattern matching values that start with <paramref name="prefix"/> literally.</summary>
    public static string LikePrefix(string prefix) =>
        prefix.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
