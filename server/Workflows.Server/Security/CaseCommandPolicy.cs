using Workflows.Definitions.Model;
using Workflows.Engine.State;
using Workflows.Server.Api;
using Workflows.Server.Auth;

namespace Workflows.Server.Security;

/// <summary>
/// Who may do what to a case, by role, binding and the step and state the case is at. One place
/// for every case command (<see cref="CaseCommands"/>) and file upload; the engine then checks
/// the finer rules (a complete 一次性告知, a valid outcome...). In order:
/// <list type="number">
/// <item>a caller who may not see the case gets 404 (it must not learn that the case exists);</item>
/// <item>a caller whose role and binding do not match the step gets 403 <see cref="NotYourStep"/>;</item>
/// <item>a command the case's state does not admit gets 403 <see cref="NotInThisState"/> (checked after the body, so a bad body is still a 400).</item>
/// </list>
/// Windows act while the case is at their window: the intake window (the item's intake step) for
/// 受理/补正/撤回, a window holding an open task (统一出件) for its documents, a window that served the
/// case for the rating. Department staff act on the tasks they fit; heads control the clock of
/// the cases their department is responsible for; supervisors read and urge; admins do what the
/// windows and heads do, but work on no department's tasks (the engine never let them).
/// </summary>
public static class CaseCommandPolicy
{
    /// <summary>403: the caller's role or window/department does not match the step the case is at.</summary>
    public const string NotYourStep = "WF9475";
    /// <summary>403: the case's state does not admit the command (accept after acceptance, resume when not suspended...).</summary>
    public const string NotInThisState = "WF9476";

    /// <summary>Where an item is handled: its intake windows and the departments responsible for it (implementing and joint).</summary>
    public sealed record ItemSeats(IReadOnlySet<string> IntakeWindows, IReadOnlySet<string> Departments)
    {
        public static ItemSeats Of(ItemDefinition? item) => new(
            (item?.Workflow?.Steps ?? []).Where(s => s.Kind == StepKind.Intake && s.By?.Window is not null).Select(s => s.By!.Window!).ToHashSet(StringComparer.Ordinal),
            (item?.Guide is { } guide ? guide.JointDepartments.Prepend(guide.Department) : []).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The state each command needs, with the words for the 403; commands not listed need no particular state here.</summary>
    private static readonly Dictionary<string, (Func<CaseState, bool> Admits, string Needs)> States = new(StringComparer.Ordinal)
    {
        ["accept"] = (s => Open(s) && s.Status == CaseStatus.Received, "办件处于已收件待受理状态"),
        ["accept-with-deferral"] = (s => Open(s) && s.Status == CaseStatus.Received, "办件处于已收件待受理状态"),
        ["refuse"] = (s => Open(s) && (s.Status == CaseStatus.Received || s.OpenSupplement is { BeforeAcceptance: true }), "办件尚未受理"),
        ["request-supplement"] = (s => Open(s) && s.Status == CaseStatus.Received, "办件处于已收件待受理状态（受理后由审查环节告知补正）"),
        ["supplement"] = (s => Open(s) && (s.OpenSupplement is { SupplementedOn: null } || s.Materials.Values.Any(m => m.Status == MaterialStatus.Deferred)),
            "办件有待补正或容缺补交的材料"),
        ["withdraw"] = (Open, "办件尚未办结"),
        ["evaluate"] = (s => s.IsClosed && s.Evaluation is null, "办件已办结且尚未评价"),
        ["claim"] = (HasTaskWork, "办件在办理中（未挂起、未办结）"),
        ["complete"] = (HasTaskWork, "办件在办理中（未挂起、未办结）"),
        ["return"] = (HasTaskWork, "办件在办理中（未挂起、未办结）"),
        ["transfer"] = (HasTaskWork, "办件在办理中（未挂起、未办结）"),
        ["add-signer"] = (HasTaskWork, "办件在办理中（未挂起、未办结）"),
        ["suspend"] = (Running, "办件在办理中（未挂起、未办结）"),
        ["resume"] = (s => Open(s) && s.Status == CaseStatus.Suspended, "办件处于挂起状态"),
        ["extend"] = (s => Open(s) && s.Clocks.AcceptedOn is not null && (s.Status.IsRunning() || s.Status == CaseStatus.Suspended), "办件已受理且尚未办结"),
        // The engine decides the rest (a catch-up date passed: WF6085).
        ["terminate"] = (s => Open(s) && s.Decision is null && s.Materials.Values.Any(m => m.Status == MaterialStatus.Deferred),
            "办件有未补交的容缺材料且尚未作出决定"),
        ["rectify"] = (s => s.Rectification is { IsOpen: true }, "办件有未完成的差评整改"),
        ["urge"] = (Open, "办件尚未办结"),
        ["choose-pledge"] = (s => Open(s) && s.Status == CaseStatus.Received, "办件处于已收件待受理状态"),
        // The 核查 outlives 办结: a granted case with its check still open, closed or not.
        ["check-pledge"] = (s => s.Status != CaseStatus.Revoked && s.Pledge is { CheckTaskId: not null, Truthful: null }, "办件有待完成的告知承诺核查"),
        [Upload] = (Open, "办件尚未办结"),
    };

    /// <summary>The name <see cref="Who"/> and <see cref="When"/> take for <c>POST /api/cases/{id}/files</c>.</summary>
    public const string Upload = "files";

    private static bool Open(CaseState s) => !s.IsClosed;

    private static bool Running(CaseState s) => !s.IsClosed && s.Status.IsRunning();

    // Task work: a running case, or a received one whose department decides acceptance in a task (前台收件、后台受理).
    private static bool HasTaskWork(CaseState s) => Running(s) || !s.IsClosed && s.Status == CaseStatus.Received && s.ActiveTasks.Any();

    /// <summary>Null when the caller may ask for the command on this case (the state is checked by <see cref="When"/>); else 404 or 403.</summary>
    public static IResult? Who(CurrentUser user, CommandGate gate, string name, CaseState state, string? parties, ItemSeats seats)
    {
        if (!CaseAccess.MaySee(user, parties)) return Api.CaseEndpoints.CaseNotFound(Guid.TryParse(state.Id, out var id) ? id : Guid.Empty);
        return Allows(user, gate, state, parties, seats) ? null
            : Problems.Of(403, NotYourStep, "当前环节不由本账号办理 (not your step)",
                $"{Holder(gate)}；办件当前：{state.Status.Label()}{Step(state)}");
    }

    /// <summary>Null when the case's state admits the command; else 403 naming the state it needs.</summary>
    public static IResult? When(string name, CaseState state) =>
        !States.TryGetValue(name, out var rule) || rule.Admits(state) ? null
            : Problems.Of(403, NotInThisState, "办件当前状态不允许此操作 (not allowed in the case's state)",
                $"{name} 要求{rule.Needs}；办件当前：{state.Status.Label()}{Step(state)}");

    /// <summary>Whether role and binding fit (no state): also what the screens use to offer a button.</summary>
    public static bool Allows(CurrentUser user, CommandGate gate, CaseState state, string? parties, ItemSeats seats)
    {
        if (!CaseAccess.MaySee(user, parties)) return false;
        var clerkWindow = user.Is(Roles.Clerk) ? user.Window : null;
        return gate switch
        {
            // 受理、补正、撤回: the item's intake window.
            CommandGate.Intake or CommandGate.Window => user.IsAdmin || (clerkWindow is not null && seats.IntakeWindows.Contains(clerkWindow)),
            // 出具通知书: the intake window, or a window whose task the case is at (统一出件).
            CommandGate.Document => user.IsAdmin || (clerkWindow is not null && (seats.IntakeWindows.Contains(clerkWindow) || ActiveWindows(state).Contains(clerkWindow))),
            // 好差评: the applicant rates on the window's paired tablet (/api/kiosk/evaluate). The staff who served the
            // case are the ones rated and feed staff assessment, so they never record it; an admin may register a
            // rating that came through another channel (12345 回访, 短信), naming it in `by`.
            CommandGate.Evaluate => user.IsAdmin,
            // Task work: whoever fits an open task of the case (the engine then checks the task named).
            CommandGate.Task => FitsAnOpenTask(user, state),
            // 挂起、恢复、延期: the head of a department responsible for the case or holding its open task.
            CommandGate.Clock => user.IsAdmin || IsResponsibleHead(user, state, seats),
            // 差评整改: the head of the item's department.
            CommandGate.Rectify => user.IsAdmin || (user.Is(Roles.Head) && user.Department is { } d && seats.Departments.Contains(d)),
            // 催办: supervisors, admins and the responsible heads.
            CommandGate.Urge => user.IsAdmin || user.Is(Roles.Supervisor) || IsResponsibleHead(user, state, seats),
            // 上传附件: the intake window, a window holding an open task, or whoever fits an open task.
            CommandGate.Upload => user.IsAdmin || (clerkWindow is not null && (seats.IntakeWindows.Contains(clerkWindow) || ActiveWindows(state).Contains(clerkWindow)))
                || FitsAnOpenTask(user, state),
            _ => false,
        };
    }

    private static bool FitsAnOpenTask(CurrentUser user, CaseState state) =>
        state.ActiveTasks.Any(t => CaseAccess.ActorFor(user, t) is var actor && t.Signers.Any(s => actor.Fits(s.Assignee)));

    private static bool IsResponsibleHead(CurrentUser user, CaseState state, ItemSeats seats) =>
        user.Is(Roles.Head) && user.Department is { } d
        && (seats.Departments.Contains(d) || state.ActiveTasks.Any(t => t.Signers.Any(s => s.Assignee.Department == d)));

    private static HashSet<string> ActiveWindows(CaseState state) =>
        state.ActiveTasks.SelectMany(t => t.Signers).Select(s => s.Assignee.Window).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static string Step(CaseState state) =>
        state.ActiveTasks.FirstOrDefault() is { } task ? $"，当前环节 {task.StepName ?? task.StepId}（{task.Assignee}）" : "";

    private static string Holder(CommandGate gate) => gate switch
    {
        CommandGate.Intake or CommandGate.Window => "受理、补正、撤回由事项的受理窗口办理",
        CommandGate.Document => "通知书由受理窗口或当前环节的窗口出具",
        CommandGate.Evaluate => "评价由申请人在评价器上作出；管理员可登记其他渠道（12345 回访等）收到的评价",
        CommandGate.Task => "任务由当前环节的办理人办理",
        CommandGate.Clock => "挂起、恢复、延期由负责部门的负责人办理",
        CommandGate.Rectify => "差评整改由事项所属部门的负责人记录",
        CommandGate.Urge => "催办由监督人员、负责部门的负责人或管理员发起",
        CommandGate.Upload => "附件由受理窗口或当前环节的办理人上传",
        _ => "",
    };
}
