using System.Globalization;

namespace Workflows.Storage;

/// <summary>
/// Runs one query for <see cref="CaseFiguresQueries"/>: parameters are named without a prefix and hold
/// plain values (text, numbers, <see cref="DateOnly"/>, <see cref="bool"/>); the provider names and converts
/// them as it stores them and returns every row's values.
/// </summary>
public delegate Task<List<object?[]>> FigureRows(string sql, IReadOnlyList<(string Name, object? Value)> parameters, CancellationToken cancellationToken);

/// <summary>
/// The <see cref="CaseFigures"/> columns and the SQL of <see cref="ICaseFigures"/>, shared by the providers:
/// both keep the same columns (dates as the provider's date, flags as 0/1 integers) and the same indexes.
/// </summary>
public static class CaseFiguresSql
{
    /// <summary>The figure columns, in the order of <see cref="Parameters"/>.</summary>
    public static readonly string[] Columns =
        ["item_id", "item_department", "level_due", "warn_from", "suspended", "received_on", "closed_on", "on_time", "rating", "assignees", "task_due", "procedure_due", "pledge_check_due"];

    /// <summary><c>item_id = @item_id, …</c> for an UPDATE.</summary>
    public static string Set { get; } = string.Join(", ", Columns.Select(c => $"{c} = @{c}"));

    /// <summary><c>item_id, …</c> and <c>@item_id, …</c> for an INSERT.</summary>
    public static string InsertColumns { get; } = string.Join(", ", Columns);

    public static string InsertValues { get; } = string.Join(", ", Columns.Select(c => "@" + c));

    /// <summary>The figure columns' values, named as <see cref="Columns"/>; a case written without figures gets empty ones.</summary>
    public static (string Name, object? Value)[] Parameters(CaseFigures? figures)
    {
        var f = figures ?? CaseFigures.None;
        return
        [
            ("item_id", f.ItemId), ("item_department", f.ItemDepartment), ("level_due", f.LevelDue), ("warn_from", f.WarnFrom),
            ("suspended", f.Suspended ? 1 : 0), ("received_on", f.ReceivedOn), ("closed_on", f.ClosedOn),
            ("on_time", f.OnTime is { } onTime ? onTime ? 1 : 0 : null), ("rating", f.Rating), ("assignees", f.Assignees), ("task_due", f.TaskDue),
            ("procedure_due", f.ProcedureDue), ("pledge_check_due", f.PledgeCheckDue),
        ];
    }

    /// <summary>
    /// The schema step both providers run (dates typed by <paramref name="dateType"/>): the columns, and
    /// covering indexes so counting a million cases reads only the index, never the snapshots.
    /// </summary>
    public static string[] Migration(string dateType) =>
    [
        "ALTER TABLE cases ADD COLUMN item_id text",
        "ALTER TABLE cases ADD COLUMN item_department text",
        $"ALTER TABLE cases ADD COLUMN level_due {dateType}",
        $"ALTER TABLE cases ADD COLUMN warn_from {dateType}",
        "ALTER TABLE cases ADD COLUMN suspended integer NOT NULL DEFAULT 0",
        $"ALTER TABLE cases ADD COLUMN received_on {dateType}",
        $"ALTER TABLE cases ADD COLUMN closed_on {dateType}",
        "ALTER TABLE cases ADD COLUMN on_time integer",
        "ALTER TABLE cases ADD COLUMN rating text",
        "ALTER TABLE cases ADD COLUMN assignees text",
        $"ALTER TABLE cases ADD COLUMN task_due {dateType}",
        // Open cases by level (supervision's cards and table), all cases by outcome (the report),
        // received and closed per day (the weekly volumes and the recent lists), an inbox page.
        "CREATE INDEX ix_cases_deadline ON cases (is_open, item_department, suspended, level_due, warn_from, parties)",
        "CREATE INDEX ix_cases_outcome ON cases (item_department, on_time, rating, parties)",
        "CREATE INDEX ix_cases_received_on ON cases (received_on, item_department, parties)",
        "CREATE INDEX ix_cases_closed_on ON cases (closed_on, item_department, parties, rating, status)",
        "CREATE INDEX ix_cases_rating ON cases (rating, created_at)",
        "CREATE INDEX ix_cases_work ON cases (is_open, task_due, number, assignees)",
    ];

    /// <summary>
    /// The schema step after <see cref="Migration"/>: the announced end of the running 特别程序, indexed so
    /// supervision counts the procedures past it. Open suspended cases (the only ones a procedure can be
    /// running in) lose their figures, so the backfill (CaseFigureBackfill) writes them again with the column.
    /// </summary>
    public static string[] ProcedureMigration(string dateType) =>
    [
        $"ALTER TABLE cases ADD COLUMN procedure_due {dateType}",
        "CREATE INDEX ix_cases_procedure ON cases (procedure_due, item_department, parties)",
        "UPDATE cases SET received_on = NULL WHERE suspended = 1 AND closed_on IS NULL",
    ];

    /// <summary>
    /// The schema step after the credit marks': the open 告知承诺 核查's due date, indexed so supervision counts the
    /// checks past due over every case (a checked case may be 办结 long ago), and an index of the cases with open
    /// tasks, which the inbox reads (no longer only open cases: the check outlives 办结). Closed cases with an open
    /// task (only such checks) lose their figures, so the backfill (CaseFigureBackfill) writes them again with the column.
    /// </summary>
    public static string[] PledgeCheckMigration(string dateType) =>
    [
        $"ALTER TABLE cases ADD COLUMN pledge_check_due {dateType}",
        "CREATE INDEX ix_cases_pledge_check ON cases (pledge_check_due, item_department, parties)",
        "CREATE INDEX ix_cases_tasks ON cases (task_due, number, assignees) WHERE assignees IS NOT NULL",
        "UPDATE cases SET received_on = NULL WHERE NOT is_open AND assignees IS NOT NULL",
    ];

    /// <summary>A 告知承诺 核查 still open after its due date.</summary>
    internal const string PledgeCheckOverdue = "pledge_check_due < @today";

    /// <summary>An open case whose 特别程序 has run past the duration announced to the applicant.</summary>
    internal const string ProcedureOverrun = "procedure_due < @today";

    internal const string Warning = "suspended = 0 AND (level_due IS NULL OR level_due >= @today) AND warn_from <= @today";
    internal const string Overdue = "suspended = 0 AND level_due < @today";

    internal static string PartyFilter(string? party, List<(string, object?)> parameters)
    {
        if (party is null) return "";
        parameters.Add(("party", "%|" + CaseSearchSql.LikePrefix(party)[..^1] + "|%"));
        return " AND parties LIKE @party ESCAPE '\\'";
    }

    internal static int Int(object? value) => value is null or DBNull ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);

    internal static string? Text(object? value) => value is null or DBNull ? null : (string)value;

    internal static Guid Id(object? value) => value is Guid g ? g : Guid.Parse((string)value!);

    internal static DateOnly? Date(object? value) => value switch
    {
        null or DBNull => null,
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"not a date: {value.GetType()}"),
    };
}
