using System.Text.Json.Nodes;
using Workflows.Engine.State;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Workbench;

/// <summary>
/// 效能统计 for the supervision screen: per department the 按时办结率 (accepted cases closed on or
/// before their promised due date, out of all accepted cases closed), open cases past due, and the
/// cases received and closed per week; and the 好差评 results (counts per level, every bad rating
/// with its 整改). Withdrawn cases and cases refused at the window (never accepted) are not counted
/// in the on-time rate.
/// </summary>
public sealed class SupervisionReport
{
    private sealed class DepartmentTotals
    {
        public int Received, Closed, OnTime, Late, Open, Overdue;
        public int[] WeekReceived = [], WeekClosed = [];
    }

    private readonly DefinitionSnapshot _snapshot;
    private readonly DateOnly _today;
    private readonly DateOnly[] _weeks;
    private readonly Dictionary<string, DepartmentTotals> _departments = new(StringComparer.Ordinal);
    private readonly int[] _levels = new int[Enum.GetValues<EvaluationLevel>().Length];
    private readonly List<JsonObject> _bad = [];
    private readonly CurrentUser _user;

    public SupervisionReport(DefinitionSnapshot snapshot, DateOnly today, int weeks, CurrentUser user)
    {
        _snapshot = snapshot;
        _today = today;
        _user = user;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        _weeks = Enumerable.Range(0, weeks).Select(i => monday.AddDays(-7 * (weeks - 1 - i))).ToArray();
    }

    /// <summary>The Monday that starts the week of a day.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public void Add(CaseState state, StoredCase stored)
    {
        var department = _snapshot.Set.Item(state.ItemId)?.Guide?.Department ?? "(未知)";
        if (!_departments.TryGetValue(department, out var totals))
            _departments[department] = totals = new DepartmentTotals { WeekReceived = new int[_weeks.Length], WeekClosed = new int[_weeks.Length] };
        totals.Received++;
        Count(totals.WeekReceived, state.Clocks.ReceivedOn == default ? CaseScan.Day(state.ReceivedAt) : state.Clocks.ReceivedOn);
        if (state.ClosedAt is { } closedAt)
        {
            var closedOn = CaseScan.Day(closedAt);
            Count(totals.WeekClosed, closedOn);
            if (state.Clocks.AcceptedOn is not null && state.Status != CaseStatus.Withdrawn)
            {
                totals.Closed++;
                if (state.Clocks.PromisedDue is not { } due || closedOn <= due) totals.OnTime++;
                else totals.Late++;
            }
        }
        else
        {
            totals.Open++;
            if (state.Clocks.AcceptedOn is not null && state.Clocks.PromisedDue is { } due && _today > due) totals.Overdue++;
        }
        if (state.Evaluation is { } evaluation)
        {
            _levels[(int)evaluation.Level]++;
            if (evaluation.IsBad && state.Rectification is not null)
                _bad.Add(AftercareEndpoints.Rectification(state, stored, _snapshot, _today, _user));
        }
    }

    private void Count(int[] perWeek, DateOnly day)
    {
        var index = Array.IndexOf(_weeks, WeekOf(day));
        if (index >= 0) perWeek[index]++;
    }

    /// <summary>按时办结率 in percent with one decimal, or null when nothing closed.</summary>
    public static double? Rate(int onTime, int closed) => closed == 0 ? null : Math.Round(1000.0 * onTime / closed) / 10;

    public JsonObject ToJson(bool truncated)
    {
        var total = _levels.Sum();
        var good = _levels[0] + _levels[1] + _levels[2];
        return new JsonObject
        {
            ["today"] = _today.ToString("yyyy-MM-dd"),
            ["weeks"] = new JsonArray(_weeks.Select(w => (JsonNode)w.ToString("yyyy-MM-dd")).ToArray()),
            ["truncated"] = truncated,
            ["departments"] = new JsonArray(_departments.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (JsonNode)new JsonObject
            {
                ["department"] = d.Key,
                ["departmentName"] = _snapshot.Set.Department(d.Key)?.Name,
                ["departmentShortName"] = _snapshot.Set.Department(d.Key) is { } known ? known.ShortName ?? known.Name : null,
                ["received"] = d.Value.Received,
                ["closed"] = d.Value.Closed,
                ["onTime"] = d.Value.OnTime,
                ["late"] = d.Value.Late,
                ["onTimeRate"] = Rate(d.Value.OnTime, d.Value.Closed),
                ["open"] = d.Value.Open,
                ["overdue"] = d.Value.Overdue,
                ["weekly"] = new JsonArray(_weeks.Select((w, i) => (JsonNode)new JsonObject
                {
                    ["week"] = w.ToString("yyyy-MM-dd"), ["received"] = d.Value.WeekReceived[i], ["closed"] = d.Value.WeekClosed[i],
                }).ToArray()),
            }).ToArray()),
            ["evaluations"] = new JsonObject
            {
                ["total"] = total,
                ["satisfactionRate"] = Rate(good, total),
                ["levels"] = new JsonArray(Enum.GetValues<EvaluationLevel>().Select(l => (JsonNode)new JsonObject
                {
                    ["level"] = JsonArgs.Kebab(l.ToString()), ["label"] = Evaluation.Label(l), ["count"] = _levels[(int)l],
                }).ToArray()),
                ["bad"] = new JsonArray(_bad.OrderBy(b => (string?)b["status"] == "completed").ThenBy(b => (string?)b["due"], StringComparer.Ordinal)
                    .Select(b => (JsonNode)b).ToArray()),
            },
        };
    }

    public static void Map(WebApplication app) =>
        app.MapGet("/api/supervision/report", ReportAsync).WithTags("监督 supervision").RequireAuthorization()
            .WithSummary("效能统计：各部门按时办结率、超期数、每周收件与办结量（weeks = 1–26，默认 8），好差评各等级数量与差评整改");

    private static async Task<IResult> ReportAsync(HttpContext context, CaseService service, ICaseStore store, DefinitionCatalog catalog, int? weeks)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.SeesAllCases && !user.Is(Roles.Head)) return Problems.Denied("效能监督仅限监督人员、部门负责人和管理员");
        if (weeks is < 1 or > 26) return Problems.Invalid("weeks 应为 1–26");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var report = new SupervisionReport(snapshot, CaseViews.Today(service.Clock), weeks ?? 8, user);
        var progress = new CaseScan.Progress();
        await foreach (var (state, stored) in CaseScan.CasesAsync(user, service, store, openOnly: false, progress: progress, ct: context.RequestAborted))
            report.Add(state, stored);
        return Results.Json(report.ToJson(progress.Truncated));
    }
}
