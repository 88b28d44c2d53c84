using System.Text.Json.Nodes;
using Workflows.Engine.State;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>
/// The task inbox (我的待办, 本部门, 可认领) and supervision (预警, 超期, per-department counts). Both
/// read the open cases the user is party to; a county office has thousands open, not millions, and
/// closed cases are skipped by the index.
/// </summary>
public static class WorkEndpoints
{
    private const int MaxOpenCases = 5000;

    public static void Map(WebApplication app)
    {
        app.MapGet("/api/tasks", Inbox).WithTags("待办 tasks").RequireAuthorization()
            .WithSummary("待办任务：scope = mine（我的）| claimable（可认领）| department（本部门全部），按到期日排序");
        app.MapGet("/api/supervision", Supervision).WithTags("监督 supervision").RequireAuthorization()
            .WithSummary("效能监督：预警、超期办件与各部门统计");
    }

    private sealed record OpenTask(CaseState State, StoredCase Stored, CaseTask Task, string Level, int? Remaining);

    private static async Task<IResult> Inbox(HttpContext context, CaseService service, ICaseStore store, DefinitionCatalog catalog, string? scope)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.WorksOnCases) return Problems.Denied("事项编辑账号没有办件任务");
        scope ??= "mine";
        if (scope is not ("mine" or "claimable" or "department")) return Problems.Invalid("scope 应为 mine、claimable 或 department");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var tasks = new List<OpenTask>();
        await foreach (var (state, stored) in OpenCasesAsync(user, service, store, context.RequestAborted))
        {
            foreach (var task in state.ActiveTasks)
            {
                var actor = CaseAccess.ActorFor(user, task);
                var fits = task.Signers.Any(s => actor.Fits(s.Assignee));
                var include = scope switch
                {
                    "mine" => fits && (task.ClaimedBy is null || task.ClaimedBy == user.UserName),
                    "claimable" => fits && task.ClaimedBy is null,
                    _ => user.SeesAllCases || task.Signers.Any(s => s.Assignee.Department == user.Department || (s.Assignee.Window is not null && s.Assignee.Window == user.Window)),
                };
                if (include) tasks.Add(Describe(state, stored, task, snapshot, service));
            }
        }
        var rows = tasks.OrderBy(t => t.Task.Due ?? DateOnly.MaxValue).ThenBy(t => t.Stored.Number.Text, StringComparer.Ordinal).Select(Row).ToList();
        return Results.Json(new { scope, tasks = rows });
    }

    private static async Task<IResult> Supervision(HttpContext context, CaseService service, ICaseStore store, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.SeesAllCases && !user.Is(Roles.Head)) return Problems.Denied("效能监督仅限监督人员、部门负责人和管理员");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var today = CaseViews.Today(service.Clock);
        var warnings = new List<JsonObject>();
        var overdue = new List<JsonObject>();
        var departments = new Dictionary<string, (int Open, int Warning, int Overdue)>(StringComparer.Ordinal);
        await foreach (var (state, stored) in OpenCasesAsync(user, service, store, context.RequestAborted))
        {
            var view = CaseViews.Case(state, stored, snapshot, today);
            var level = (string?)view["level"] ?? "normal";
            var row = new JsonObject
            {
                ["id"] = stored.Id.ToString("D"), ["number"] = stored.Number.Text, ["itemId"] = state.ItemId,
                ["itemName"] = view["itemName"]?.DeepClone(), ["applicantName"] = state.Applicant.Name,
                ["status"] = view["status"]?.DeepClone(), ["statusLabel"] = view["statusLabel"]?.DeepClone(),
                ["department"] = stored.Snapshot.Index.Department, ["promisedDue"] = state.Clocks.PromisedDue?.ToString("yyyy-MM-dd"),
                ["promisedDueProvisional"] = state.Clocks.DecisionDueProvisional,
                ["remaining"] = view["remaining"]?["promised"]?.DeepClone(), ["level"] = level,
            };
            if (level == "overdue") overdue.Add(row);
            else if (level == "warning") warnings.Add(row);
            var department = snapshot.Set.Item(state.ItemId)?.Guide?.Department ?? "(未知)";
            var counts = departments.GetValueOrDefault(department);
            departments[department] = (counts.Open + 1, counts.Warning + (level == "warning" ? 1 : 0), counts.Overdue + (level == "overdue" ? 1 : 0));
        }
        return Results.Json(new
        {
            today = today.ToString("yyyy-MM-dd"),
            warnings,
            overdue,
            departments = departments.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new
            {
                department = d.Key,
                departmentName = snapshot.Set.Department(d.Key)?.Name,
                open = d.Value.Open,
                warning = d.Value.Warning,
                overdue = d.Value.Overdue,
            }).ToList(),
        });
    }

    private static async IAsyncEnumerable<(CaseState State, StoredCase Stored)> OpenCasesAsync(
        CurrentUser user, CaseService service, ICaseStore store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var party = user.Is(Roles.Head) && !user.SeesAllCases ? user.Department : CaseAccess.PartyOf(user);
        var seen = 0;
        for (var skip = 0; seen < MaxOpenCases; skip += 200)
        {
            var page = await store.SearchAsync(new CaseQuery { OpenOnly = true, Party = party, Skip = skip, Take = 200 }, ct);
            foreach (var summary in page.Items)
            {
                if (await service.LoadAsync(summary.Id, ct) is { } loaded) yield return loaded;
                seen++;
            }
            if (!page.HasMore) yield break;
        }
    }

    private static OpenTask Describe(CaseState state, StoredCase stored, CaseTask task, DefinitionSnapshot snapshot, CaseService service)
    {
        var today = CaseViews.Today(service.Clock);
        var fraction = snapshot.Set.Office?.Clock?.WarningAt is > 0 and <= 1 ? snapshot.Set.Office.Clock.WarningAt.Value : 0.8;
        var level = CaseViews.Level(snapshot.Calendar, today, task.CreatedOn, task.Due, task.PausedWorkingDays, fraction);
        var remaining = task.Due is { } due ? snapshot.Calendar.WorkingDaysBetween(today, due) : (int?)null;
        return new OpenTask(state, stored, task, level, remaining);
    }

    private static JsonObject Row(OpenTask t) => new()
    {
        ["caseId"] = t.Stored.Id.ToString("D"),
        ["number"] = t.Stored.Number.Text,
        ["version"] = t.Stored.Version,
        ["itemId"] = t.State.ItemId,
        ["applicantName"] = t.State.Applicant.Name,
        ["taskId"] = t.Task.Id,
        ["stepId"] = t.Task.StepId,
        ["stepName"] = t.Task.StepName,
        ["department"] = t.Task.Assignee.Department,
        ["role"] = t.Task.Assignee.Role,
        ["window"] = t.Task.Assignee.Window,
        ["claimedBy"] = t.Task.ClaimedBy,
        ["countersign"] = t.Task.IsCountersign,
        ["due"] = t.Task.Due?.ToString("yyyy-MM-dd"),
        ["dueProvisional"] = t.Task.DueProvisional,
        ["remainingWorkingDays"] = t.Remaining,
        ["level"] = t.Level,
    };
}
