using System.Text.Json.Nodes;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>
/// The task inbox (我的待办, 本部门, 可认领) and supervision (预警, 超期, 已暂停, per-department counts).
/// The inbox is a page of the cases whose open tasks the user may work (the store matches the
/// assignee column and counts the total); supervision counts every open case in the store from the
/// figure columns, and the lists and the counts come from the same columns and the same level rule.
/// </summary>
public static class WorkEndpoints
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Supervision lists at most this many cases at 超期/预警/已暂停 (overdue first); the counts are always complete.</summary>
    public const int MaxListed = 1000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/tasks", Inbox).WithTags("待办 tasks").RequireAuthorization()
            .WithSummary("待办任务：scope = mine（我的）| claimable（可认领）| department（本部门全部），按到期日排序；offset/limit 分页（默认 50，最多 200），total 为办件总数")
            .Produces<InboxPage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/api/supervision", Supervision).WithTags("监督 supervision").RequireAuthorization()
            .WithSummary("效能监督：预警、超期、已暂停办件、特别程序超过告知期限的办件、告知承诺核查超期（含已办结办件）与各部门统计（统计全部在办办件）")
            .Produces<SupervisionView>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> Inbox(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog,
        string? scope, int? offset, int? limit)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.WorksOnCases) return Problems.Denied("事项编辑账号没有办件任务");
        scope ??= "mine";
        if (scope is not ("mine" or "claimable" or "department")) return Problems.Invalid("scope 应为 mine、claimable 或 department");
        if (offset is < 0) return Problems.Invalid("offset 不能为负数");
        if (limit is < 1 or > MaxPageSize) return Problems.Invalid($"limit 应为 1–{MaxPageSize}");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var take = limit ?? DefaultPageSize;
        var page = await figures.WorkAsync(new WorkQuery(AssigneeKeys(user, scope), offset ?? 0, take), context.RequestAborted);
        var today = CaseViews.Today(service.Clock);
        var warningAt = DeadlineLevels.WarningAt(snapshot.Set.Office?.Clock);
        var rows = new List<TaskRow>();
        foreach (var id in page.Ids)
        {
            if (await service.LoadAsync(id, context.RequestAborted) is not { } loaded) continue;
            var (state, stored) = loaded;
            foreach (var task in state.ActiveTasks.Where(t => Includes(user, scope, t)).OrderBy(t => t.Due ?? DateOnly.MaxValue))
                rows.Add(Row(state, stored, task, DeadlineLevels.OfTask(state, task, snapshot.Calendar, warningAt, today), snapshot.Calendar, today));
        }
        return TypedResults.Json(new InboxPage(scope, rows, page.Total, offset ?? 0, take), CaseViews.Json);
    }

    /// <summary>
    /// The <see cref="CaseFigures.Assignees"/> fragments of the tasks the scope shows: the user's roles at
    /// its department and window (or any role the task leaves open), unclaimed or claimed by the user.
    /// </summary>
    public static IReadOnlyList<string> AssigneeKeys(CurrentUser user, string scope)
    {
        if (scope == "department")
        {
            if (user.SeesAllCases) return ["|"];
            var keys = new List<string>();
            if (user.Department is { } department) keys.Add("|d:" + department + ":");
            if (user.Window is { } window) keys.Add("|w:" + window + ":");
            return keys;
        }
        var claimers = scope == "mine" ? new[] { "", user.UserName } : [""];
        var places = new[] { user.Department is { } d ? "d:" + d : null, user.Window is { } w ? "w:" + w : null }.OfType<string>();
        return (from place in places
                from role in user.Roles.Append("*")
                from claimer in claimers
                select "|" + place + ":" + role + "#" + claimer + "|").ToList();
    }

    /// <summary>The same choice on a loaded task (a case on the page may hold other tasks too).</summary>
    private static bool Includes(CurrentUser user, string scope, CaseTask task)
    {
        var actor = CaseAccess.ActorFor(user, task);
        var fits = task.Signers.Any(s => actor.Fits(s.Assignee));
        return scope switch
        {
            "mine" => fits && (task.ClaimedBy is null || task.ClaimedBy == user.UserName),
            "claimable" => fits && task.ClaimedBy is null,
            _ => user.SeesAllCases || task.Signers.Any(s => s.Assignee.Department == user.Department || (s.Assignee.Window is not null && s.Assignee.Window == user.Window)),
        };
    }

    private static async Task<IResult> Supervision(HttpContext context, CaseService service, ICaseFigures figures, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.SeesAllCases && !user.Is(Roles.Head)) return Problems.Denied("效能监督仅限监督人员、部门负责人和管理员");
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var today = CaseViews.Today(service.Clock);
        var party = SupervisionParty(user);
        var counts = await figures.DeadlineCountsAsync(today, party, context.RequestAborted);
        var cases = await figures.DeadlineCasesAsync(today, party, MaxListed, context.RequestAborted);
        var rows = cases.Select(c => (Level: DeadlineLevels.On(new DeadlineLevels.DeadlineDates(c.Due, c.WarnFrom, c.Suspended), today), Case: c))
            .Select(c => (c.Level, Row: SupervisionRow(c.Case, c.Level, snapshot, today))).ToList();
        List<SupervisionRow> At(DeadlineLevel level) => rows.Where(r => r.Level == level).Select(r => r.Row).ToList();
        var suspended = new List<SupervisionRow>();
        foreach (var row in At(DeadlineLevel.Suspended)) suspended.Add(await WithProcedureAsync(row, service, today, context.RequestAborted));
        return TypedResults.Json(new SupervisionView(
            today.ToString("yyyy-MM-dd"),
            new SupervisionTotals(counts.Sum(c => c.Open), counts.Sum(c => c.Warning), counts.Sum(c => c.Overdue), counts.Sum(c => c.Suspended))
            {
                ProcedureOverrun = counts.Sum(c => c.ProcedureOverrun),
                PledgeCheckOverdue = counts.Sum(c => c.PledgeCheckOverdue),
            },
            rows.Count,
            At(DeadlineLevel.Warning),
            At(DeadlineLevel.Overdue),
            suspended,
            counts.Select(c => new SupervisionDepartment(c.Department ?? "(未知)", c.Department is { } d ? snapshot.Set.Department(d)?.Name : null,
                c.Open, c.Warning, c.Overdue, c.Suspended) { ProcedureOverrun = c.ProcedureOverrun, PledgeCheckOverdue = c.PledgeCheckOverdue }).ToList()), CaseViews.Json);
    }

    /// <summary>
    /// 特别程序 (art. 45): a case whose clock stands still for an excluded procedure says which one and
    /// whether it has run past the duration announced to the applicant, so supervision sees an overrun
    /// although the case's own level is 已暂停. Only suspended rows are loaded: they are few.
    /// </summary>
    private static async Task<SupervisionRow> WithProcedureAsync(SupervisionRow row, CaseService service, DateOnly today, CancellationToken ct)
    {
        if (!Guid.TryParse(row.Id, out var id) || await service.LoadAsync(id, ct) is not { } loaded) return row;
        if (loaded.State.ActiveProcedure is not { } run) return row;
        return row with
        {
            Procedure = new SupervisionProcedure(run.Name, run.StartedOn.ToString("yyyy-MM-dd"), run.AnnouncedEnd.ToString("yyyy-MM-dd"), run.IsOverrun(today)),
        };
    }

    /// <summary>Whose cases supervision counts: a head its department's, supervisors and admins all (null).</summary>
    public static string? SupervisionParty(CurrentUser user) =>
        user.Is(Roles.Head) && !user.SeesAllCases ? user.Department : CaseAccess.PartyOf(user);

    private static SupervisionRow SupervisionRow(DeadlineCase c, DeadlineLevel level, DefinitionSnapshot snapshot, DateOnly today)
    {
        var status = Enum.TryParse<CaseStatus>(c.Status, out var parsed) ? parsed : (CaseStatus?)null;
        return new SupervisionRow(c.Id.ToString("D"), c.Number, c.ItemId,
            c.ItemId is { } item ? snapshot.Set.Item(item)?.Guide?.Name : null, c.ApplicantName,
            JsonArgs.Kebab(c.Status), status?.Label() ?? c.Status,
            c.Department, c.ItemDepartment, c.Due?.ToString("yyyy-MM-dd"),
            // A suspended case's count stands still: the days left are shown once it resumes.
            c.Due is { } due && level != DeadlineLevel.Suspended ? snapshot.Calendar.WorkingDaysBetween(today, due) : null,
            level, level.Label())
        {
            ProcedureOverrun = c.ProcedureDue is { } end && end < today,
        };
    }

    private static TaskRow Row(CaseState state, StoredCase stored, CaseTask task, DeadlineLevel level, Workflows.Domain.WorkingCalendar calendar, DateOnly today) =>
        new(stored.Id.ToString("D"), stored.Number.Text, stored.Version, state.ItemId, state.Applicant.Name,
            task.Id, task.StepId, task.StepName, task.Assignee.Department, task.Assignee.Role, task.Assignee.Window,
            task.ClaimedBy, task.IsCountersign, task.Due?.ToString("yyyy-MM-dd"), task.DueProvisional,
            task.Due is { } due ? calendar.WorkingDaysBetween(today, due) : null,
            level, level.Label(), CatchUpOf(state));

    /// <summary>容缺 催补: the case's deferred material reminded first, so the inbox shows that the case may end.</summary>
    private static TaskCatchUp? CatchUpOf(CaseState state) =>
        state.Materials.Values.Where(m => m.Status == MaterialStatus.Deferred && m.RemindedOn is not null)
            .OrderBy(m => m.RemindedOn).Select(m => new TaskCatchUp(m.MaterialId, m.CatchUpDue?.ToString("yyyy-MM-dd"),
                m.RemindedOn!.Value.ToString("yyyy-MM-dd"), m.TerminatesAfter?.ToString("yyyy-MM-dd")))
            .FirstOrDefault();
}

/// <summary>容缺 催补 shown in the inbox: the material, its catch-up date, the reminder, and the last day before termination (null: reminder only).</summary>
public sealed record TaskCatchUp(string MaterialId, string? CatchUpDue, string RemindedOn, string? TerminatesAfter);

/// <summary>A task of the inbox (待办), with its case's figures and the task's deadline level.</summary>
public sealed record TaskRow(
    string CaseId, string Number, long Version, string ItemId, string ApplicantName,
    string TaskId, string StepId, string? StepName, string? Department, string? Role, string? Window,
    string? ClaimedBy, bool Countersign, string? Due, bool DueProvisional, int? RemainingWorkingDays,
    DeadlineLevel Level, string LevelLabel, TaskCatchUp? CatchUp = null);

/// <param name="Total">Cases (not tasks) the scope holds in all.</param>
public sealed record InboxPage(string Scope, IReadOnlyList<TaskRow> Tasks, int Total, int Offset, int Limit);

public sealed record SupervisionRow(
    string Id, string Number, string? ItemId, string? ItemName, string? ApplicantName, string Status, string StatusLabel,
    string? Department, string? ItemDepartment, string? PromisedDue, int? Remaining, DeadlineLevel Level, string LevelLabel,
    SupervisionProcedure? Procedure = null)
{
    /// <summary>In a 特别程序 past the duration announced to the applicant (from the index, like the counts).</summary>
    public bool ProcedureOverrun { get; init; }
}

/// <summary>The 特别程序 a suspended case is in, and whether it has run past the duration announced to the applicant.</summary>
public sealed record SupervisionProcedure(string Name, string StartedOn, string AnnouncedEnd, bool Overrun);

public sealed record SupervisionTotals(int Open, int Warning, int Overdue, int Suspended)
{
    /// <summary>Open cases in a 特别程序 past its announced end.</summary>
    public int ProcedureOverrun { get; init; }

    /// <summary>告知承诺 核查 still open after their due date, on open or 办结 cases (the tasks are in the department's inbox as 超期).</summary>
    public int PledgeCheckOverdue { get; init; }
}

public sealed record SupervisionDepartment(string Department, string? DepartmentName, int Open, int Warning, int Overdue, int Suspended)
{
    /// <summary>Open cases in a 特别程序 past its announced end.</summary>
    public int ProcedureOverrun { get; init; }

    /// <summary>告知承诺 核查 still open after their due date, on open or 办结 cases.</summary>
    public int PledgeCheckOverdue { get; init; }
}

/// <param name="Listed">Cases in the three lists (at most WorkEndpoints.MaxListed); the totals always count all.</param>
public sealed record SupervisionView(
    string Today, SupervisionTotals Totals, int Listed, IReadOnlyList<SupervisionRow> Warnings, IReadOnlyList<SupervisionRow> Overdue,
    IReadOnlyList<SupervisionRow> Suspended, IReadOnlyList<SupervisionDepartment> Departments);
