using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Workbench;

/// <summary>
/// After the decision: the 统一出件 window's list (what waits to be handed over, what left lately),
/// the cases a window's rating tablet may ask about (办结, not yet rated), and the 整改 that bad
/// ratings opened. Each reads only the cases the user may see.
/// </summary>
public static class AftercareEndpoints
{
    private const int RecentDays = 7;
    private const int PendingDays = 30;
    /// <summary>A window's list shows at most this many waiting tasks' cases (earliest due first) and says how many wait in all.</summary>
    private const int MaxWaiting = 200;
    private const int MaxDelivered = 500;
    private const int MaxRectifications = 1000;
    private static readonly string[] BadRatings = [nameof(EvaluationLevel.Dissatisfied), nameof(EvaluationLevel.VeryDissatisfied)];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/issuance", Issuance).WithTags("出件 issuance").RequireAuthorization()
            .WithSummary("统一出件：待送达的办件（结果文书、送达方式）与近 7 日已送达记录");
        app.MapGet("/api/evaluations/pending", PendingEvaluations).WithTags("好差评 evaluation").RequireAuthorization()
            .WithSummary("本窗口近 30 日办结、尚未评价的办件（评价器选择办件用）");
        app.MapGet("/api/rectifications", Rectifications).WithTags("好差评 evaluation").RequireAuthorization()
            .WithSummary("差评整改：state = open（默认，待整改）| completed | all，按整改期限排序");
    }

    private static async Task<IResult> Issuance(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.IsAdmin && !user.Is(Roles.Clerk)) return Problems.Denied("统一出件仅限窗口人员和管理员");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var ct = context.RequestAborted;
        var today = CaseViews.Today(service.Clock);
        var issuanceWindows = snapshot.Set.Windows.Where(w => w.Kind == WindowKind.Issuance).Select(w => w.Id).ToHashSet(StringComparer.Ordinal);
        var warningAt = DeadlineLevels.WarningAt(snapshot.Set.Office?.Clock);
        var waiting = new List<(DateOnly Due, string Number, JsonObject Row)>();
        var delivered = new List<(DateTimeOffset At, JsonObject Row)>();
        var since = today.AddDays(-RecentDays);
        // The open tasks at the issuance windows (an admin) or at the clerk's own window, from the
        // assignee column: a page of cases, not every open case of the office.
        IReadOnlyList<string> keys = user.IsAdmin ? issuanceWindows.Select(w => "|w:" + w + ":").ToList()
            : user.Window is { } own ? user.Roles.Append("*").Select(r => "|w:" + own + ":" + r + "#").ToList() : [];
        var work = await figures.WorkAsync(new WorkQuery(keys, 0, MaxWaiting), ct);
        foreach (var id in work.Ids)
        {
            if (await service.LoadAsync(id, ct) is not { } loaded) continue;
            var (state, stored) = loaded;
            var item = snapshot.Set.Item(state.ItemId);
            foreach (var task in state.ActiveTasks)
            {
                var window = task.Assignee.Window;
                var ours = user.IsAdmin ? window is not null && issuanceWindows.Contains(window)
                    : window is not null && window == user.Window && task.Signers.Any(s => CaseAccess.ActorFor(user, task).Fits(s.Assignee));
                if (!ours) continue;
                var row = Common(state, stored, item);
                row["taskId"] = task.Id;
                row["stepName"] = task.StepName;
                row["window"] = window;
                row["claimedBy"] = task.ClaimedBy;
                row["due"] = task.Due?.ToString("yyyy-MM-dd");
                row["dueProvisional"] = task.DueProvisional;
                row["remainingWorkingDays"] = task.Due is { } d ? snapshot.Calendar.WorkingDaysBetween(today, d) : null;
                CaseViews.SetLevel(row, DeadlineLevels.OfTask(state, task, snapshot.Calendar, warningAt, today));
                row["decision"] = state.Decision is { } decision ? JsonArgs.Kebab(decision.ToString()) : null;
                row["resultName"] = item?.Guide?.Result?.Name;
                row["resultTemplate"] = item?.Guide?.Result?.Template;
                row["deliveryMethods"] = new JsonArray((item?.Guide?.Result?.Delivery ?? [Delivery.Window])
                    .Select(m => (JsonNode)JsonArgs.Kebab(m.ToString())).ToArray());
                row["documents"] = Documents(state, item?.Guide?.Result?.Template);
                waiting.Add((task.Due ?? DateOnly.MaxValue, stored.Number.Text, row));
            }
        }
        // Delivered this week: a delivery closes the case, so the cases closed since then hold them.
        foreach (var id in await figures.ClosedSinceAsync(new ClosedQuery(since, AftercareParty(user), Take: MaxDelivered), ct))
        {
            if (await service.LoadAsync(id, ct) is not { } loaded) continue;
            var (state, stored) = loaded;
            if (state.Delivery is not { } delivery || CaseFigureIndex.Day(delivery.At) < since) continue;
            if (!user.IsAdmin && !state.Tasks.Any(t => t.Assignee.Window == user.Window)) continue;
            var item = snapshot.Set.Item(state.ItemId);
            var row = Common(state, stored, item);
            row["method"] = JsonArgs.Kebab(delivery.Method.ToString());
            row["trackingNumber"] = delivery.TrackingNumber;
            row["recipient"] = delivery.Recipient;
            row["by"] = delivery.By;
            row["at"] = delivery.At;
            row["evaluated"] = state.Evaluation is not null;
            row["documents"] = Documents(state, item?.Guide?.Result?.Template);
            delivered.Add((delivery.At, row));
        }
        return Results.Json(new
        {
            today = today.ToString("yyyy-MM-dd"),
            waitingTotal = work.Total,
            waiting = waiting.OrderBy(w => w.Due).ThenBy(w => w.Number, StringComparer.Ordinal).Select(w => w.Row).ToList(),
            delivered = delivered.OrderByDescending(d => d.At).Select(d => d.Row).ToList(),
        });
    }

    private static async Task<IResult> PendingEvaluations(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.IsAdmin && !user.Is(Roles.Clerk)) return Problems.Denied("评价器仅限窗口人员和管理员使用");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var today = CaseViews.Today(service.Clock);
        var rows = new List<(DateTimeOffset At, JsonObject Row)>();
        var query = new ClosedQuery(today.AddDays(-PendingDays), AftercareParty(user), UnratedOnly: true, ExceptStatus: nameof(CaseStatus.Withdrawn), Take: 50);
        foreach (var id in await figures.ClosedSinceAsync(query, context.RequestAborted))
        {
            if (await service.LoadAsync(id, context.RequestAborted) is not { } loaded) continue;
            var (state, stored) = loaded;
            if (state.Evaluation is not null || state.ClosedAt is not { } closed || state.Status == CaseStatus.Withdrawn) continue;
            var row = Common(state, stored, snapshot.Set.Item(state.ItemId));
            row["closedAt"] = closed;
            row["delivery"] = state.Delivery is { } d ? JsonArgs.Kebab(d.Method.ToString()) : null;
            rows.Add((closed, row));
        }
        return Results.Json(new { today = today.ToString("yyyy-MM-dd"), cases = rows.OrderByDescending(r => r.At).Select(r => r.Row).ToList() });
    }

    private static async Task<IResult> Rectifications(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog, string? state)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.SeesAllCases && !user.Is(Roles.Head)) return Problems.Denied("差评整改仅限监督人员、部门负责人和管理员");
        state ??= "open";
        if (state is not ("open" or "completed" or "all")) return Problems.Invalid("state 应为 open、completed 或 all");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var today = CaseViews.Today(service.Clock);
        var rows = new List<JsonObject>();
        foreach (var id in await figures.RatedAsync(BadRatings, AftercareParty(user), MaxRectifications, context.RequestAborted))
        {
            if (await service.LoadAsync(id, context.RequestAborted) is not { } loaded) continue;
            var (c, stored) = loaded;
            if (c.Rectification is not { } rectification) continue;
            if (state == "open" && !rectification.IsOpen || state == "completed" && rectification.IsOpen) continue;
            rows.Add(Rectification(c, stored, snapshot, today, user));
        }
        return Results.Json(new
        {
            today = today.ToString("yyyy-MM-dd"),
            state,
            rectifications = rows.OrderBy(r => (string?)r["status"] == "completed").ThenBy(r => (string?)r["due"], StringComparer.Ordinal).ToList(),
        });
    }

    /// <summary>The party filter: a head sees its department's cases, supervisors and admins all, a clerk its window's.</summary>
    private static string? AftercareParty(CurrentUser user) => WorkEndpoints.SupervisionParty(user);

    /// <summary>One 整改 as the lists show it: the rating, its deadline, and where it stands (open, overdue, completed).</summary>
    internal static JsonObject Rectification(CaseState c, StoredCase stored, DefinitionSnapshot snapshot, DateOnly today, CurrentUser user)
    {
        var r = c.Rectification!;
        var item = snapshot.Set.Item(c.ItemId);
        var row = Common(c, stored, item);
        row["department"] = item?.Guide?.Department;
        var department = item?.Guide?.Department is { } d ? snapshot.Set.Department(d) : null;
        row["departmentName"] = department?.Name;
        row["departmentShortName"] = department?.ShortName ?? department?.Name;
        row["level"] = c.Evaluation is { } e ? JsonArgs.Kebab(e.Level.ToString()) : null;
        row["levelLabel"] = c.Evaluation is { } e2 ? Evaluation.Label(e2.Level) : null;
        row["comment"] = c.Evaluation?.Comment;
        row["ratedAt"] = c.Evaluation?.At;
        row["openedOn"] = r.OpenedOn.ToString("yyyy-MM-dd");
        row["due"] = r.Due.ToString("yyyy-MM-dd");
        row["remainingWorkingDays"] = r.IsOpen ? snapshot.Calendar.WorkingDaysBetween(today, r.Due) : null;
        row["status"] = !r.IsOpen ? "completed" : today > r.Due ? "overdue" : "open";
        row["measures"] = r.Measures;
        row["by"] = r.By;
        row["completedAt"] = r.CompletedAt;
        row["onTime"] = r.CompletedAt is { } done ? CaseFigureIndex.Day(done) <= r.Due : null;
        row["mayRectify"] = r.IsOpen && Security.CaseCommandPolicy.Allows(user, CommandGate.Rectify, c, stored.Snapshot.Index.Parties, Security.CaseCommandPolicy.ItemSeats.Of(item));
        return row;
    }

    private static JsonObject Common(CaseState state, StoredCase stored, ItemDefinition? item) => new()
    {
        ["caseId"] = stored.Id.ToString("D"),
        ["number"] = stored.Number.Text,
        ["version"] = stored.Version,
        ["itemId"] = state.ItemId,
        ["itemName"] = item?.Guide?.Name,
        ["applicantName"] = state.Applicant.Name,
        ["applicantPhone"] = state.Applicant.Phone,
        ["status"] = JsonArgs.Kebab(state.Status.ToString()),
        ["statusLabel"] = state.Status.Label(),
    };

    /// <summary>The case's documents, newest first; <c>result</c> marks the one the guide names as the result (the one to print).</summary>
    private static JsonArray Documents(CaseState state, string? resultTemplate)
    {
        var list = state.Documents.Reverse().ToList();
        var result = list.FirstOrDefault(d => d.TemplateId == resultTemplate)
            ?? list.FirstOrDefault(d => d.TemplateId.StartsWith("certificates/", StringComparison.Ordinal));
        return new JsonArray(list.Select(d => (JsonNode)new JsonObject
        {
            ["templateId"] = d.TemplateId,
            ["documentId"] = d.DocumentId,
            ["stepId"] = d.StepId,
            ["at"] = d.At,
            ["certificate"] = d.TemplateId.StartsWith("certificates/", StringComparison.Ordinal),
            ["result"] = ReferenceEquals(d, result),
        }).ToArray());
    }
}
