using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Workbench;

/// <summary>
/// 效能统计 for the supervision screen: per department the 按时办结率 (accepted cases closed on or
/// before their promised due date, out of all accepted cases closed), open cases at each deadline
/// level (the same counts as <c>/api/supervision</c>), and the cases received and closed per week;
/// and the 好差评 results (counts per level, every bad rating with its 整改). Withdrawn cases and
/// cases refused at the window (never accepted) are not counted in the on-time rate. Every count
/// covers every case in the store (<see cref="ICaseFigures"/>); only the bad ratings are loaded.
/// </summary>
public static class SupervisionReport
{
    /// <summary>The bad ratings listed with their 整改, newest first; their count is always complete.</summary>
    public const int MaxBadListed = 500;

    private static readonly string[] BadRatings = [nameof(EvaluationLevel.Dissatisfied), nameof(EvaluationLevel.VeryDissatisfied)];

    /// <summary>The Monday that starts the week of a day.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>按时办结率 in percent with one decimal, or null when nothing closed.</summary>
    public static double? Rate(int onTime, int closed) => closed == 0 ? null : Math.Round(1000.0 * onTime / closed) / 10;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/supervision/report", ReportAsync).WithTags("监督 supervision").RequireAuthorization()
            .WithSummary("效能统计：各部门按时办结率、在办超期/预警/暂停数、每周收件与办结量（weeks = 1–26，默认 8），好差评各等级数量与差评整改")
            .Produces<SupervisionReportView>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);

    private sealed class Department
    {
        public int Received, Closed, OnTime, Open, Warning, Overdue, Suspended, ProcedureOverrun;
        public required int[] WeekReceived, WeekClosed;
    }

    private static async Task<IResult> ReportAsync(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog, int? weeks)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.SeesAllCases && !user.Is(Roles.Head)) return Problems.Denied("效能监督仅限监督人员、部门负责人和管理员");
        if (weeks is < 1 or > 26) return Problems.Invalid("weeks 应为 1–26");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var ct = context.RequestAborted;
        var today = CaseViews.Today(service.Clock);
        var party = WorkEndpoints.SupervisionParty(user);
        var count = weeks ?? 8;
        var monday = WeekOf(today);
        var mondays = Enumerable.Range(0, count).Select(i => monday.AddDays(-7 * (count - 1 - i))).ToArray();

        var departments = new SortedDictionary<string, Department>(StringComparer.Ordinal);
        Department Of(string? id)
        {
            var key = id ?? "(未知)";
            if (!departments.TryGetValue(key, out var d))
                departments[key] = d = new Department { WeekReceived = new int[count], WeekClosed = new int[count] };
            return d;
        }
        foreach (var o in await figures.OutcomeCountsAsync(party, ct))
        {
            var d = Of(o.Department);
            (d.Received, d.Closed, d.OnTime) = (o.Received, o.Closed, o.OnTime);
        }
        foreach (var c in await figures.DeadlineCountsAsync(today, party, ct))
        {
            var d = Of(c.Department);
            (d.Open, d.Warning, d.Overdue, d.Suspended, d.ProcedureOverrun) = (c.Open, c.Warning, c.Overdue, c.Suspended, c.ProcedureOverrun);
        }
        foreach (var day in await figures.DailyCountsAsync(mondays[0], party, ct))
        {
            var week = Array.IndexOf(mondays, WeekOf(day.Day));
            if (week < 0) continue;
            var d = Of(day.Department);
            d.WeekReceived[week] += day.Received;
            d.WeekClosed[week] += day.Closed;
        }
        var ratings = (await figures.RatingCountsAsync(party, ct)).ToDictionary(r => r.Rating, r => r.Count, StringComparer.Ordinal);
        var bad = new List<RectificationRow>();
        foreach (var id in await figures.RatedAsync(BadRatings, party, MaxBadListed, ct))
        {
            if (await service.LoadAsync(id, ct) is { } loaded && loaded.State.Rectification is not null)
                bad.Add(AftercareEndpoints.Rectification(loaded.State, loaded.Stored, snapshot, today, user));
        }

        var levels = Enum.GetValues<EvaluationLevel>();
        int Rated(EvaluationLevel l) => ratings.GetValueOrDefault(l.ToString());
        var total = levels.Sum(Rated);
        var good = Rated(EvaluationLevel.VerySatisfied) + Rated(EvaluationLevel.Satisfied) + Rated(EvaluationLevel.BasicallySatisfied);
        return TypedResults.Json(new SupervisionReportView(
            today.ToString("yyyy-MM-dd"),
            mondays.Select(w => w.ToString("yyyy-MM-dd")).ToList(),
            departments.Select(d => new ReportDepartment(
                d.Key,
                snapshot.Set.Department(d.Key)?.Name,
                snapshot.Set.Department(d.Key) is { } known ? known.ShortName ?? known.Name : null,
                d.Value.Received, d.Value.Closed, d.Value.OnTime, d.Value.Closed - d.Value.OnTime, Rate(d.Value.OnTime, d.Value.Closed),
                d.Value.Open, d.Value.Warning, d.Value.Overdue, d.Value.Suspended, d.Value.ProcedureOverrun,
                mondays.Select((w, i) => new ReportWeek(w.ToString("yyyy-MM-dd"), d.Value.WeekReceived[i], d.Value.WeekClosed[i])).ToList())).ToList(),
            new ReportEvaluations(total, Rate(good, total),
                levels.Select(l => new ReportRating(l, Evaluation.Label(l), Rated(l))).ToList(),
                AftercareEndpoints.InListOrder(bad))), CaseViews.Json);
    }
}

public sealed record SupervisionReportView(string Today, IReadOnlyList<string> Weeks, IReadOnlyList<ReportDepartment> Departments, ReportEvaluations Evaluations);

/// <param name="OnTimeRate">按时办结率 in percent with one decimal; null when nothing closed.</param>
/// <param name="ProcedureOverrun">Open cases whose 特别程序 ran past its announced duration.</param>
/// <param name="Weekly">Received and closed per week, one entry for each of <c>Weeks</c>.</param>
public sealed record ReportDepartment(string Department, string? DepartmentName, string? DepartmentShortName, int Received, int Closed, int OnTime, int Late,
    double? OnTimeRate, int Open, int Warning, int Overdue, int Suspended, int ProcedureOverrun, IReadOnlyList<ReportWeek> Weekly);

/// <param name="Week">The week's Monday.</param>
public sealed record ReportWeek(string Week, int Received, int Closed);

/// <param name="Bad">差评 and their 整改, open first.</param>
public sealed record ReportEvaluations(int Total, double? SatisfactionRate, IReadOnlyList<ReportRating> Levels, IReadOnlyList<RectificationRow> Bad);

public sealed record ReportRating(EvaluationLevel Level, string Label, int Count);
