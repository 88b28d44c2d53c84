using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Intents;
using Workflows.Engine.Materials;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>
/// 容缺 after acceptance (DOMAIN §3): a deferred material not supplied by its catch-up date is first
/// reminded (催补, the day after the date), then, when the office terminates (office.yaml
/// <c>clock.deferral-overdue</c>, default), the case ends after the grace period counted from the
/// reminder (<c>clock.deferral-grace</c>) with a 终止办理告知书. The catch-up date is the applicant's
/// own pledge, so it runs on while the office's clock is paused (补正, 挂起). A case already decided
/// is only reminded: ending it then would be a revocation (撤销), not a termination.
/// </summary>
internal static class DeferralHandler
{
    public const string SystemActor = "system:deferral";

    /// <summary>Called by Tick on every open, accepted case.</summary>
    internal static void Tick(CaseTransaction tx)
    {
        if (tx.State.IsClosed || tx.State.Clocks.AcceptedOn is null) return;
        Remind(tx);
        var lapsed = Outstanding(tx.State).Where(m => m.TerminatesAfter is { } last && tx.Today >= DayAfter(tx.Deadlines, last)).ToList();
        if (lapsed.Count > 0 && tx.State.Decision is null)
            End(tx, lapsed, SystemActor, reason: null);
    }

    /// <summary>终止办理 by the head: after a catch-up date passed, before the decision.</summary>
    internal static void Terminate(CaseTransaction tx, Terminate command)
    {
        Guard.NotClosed(tx, "终止办理");
        Guard.Text(command.Reason, "终止办理理由");
        if (tx.State.Decision is not null)
            throw Fail.TerminationNotAllowed("办件已作出决定，只能依法撤销该决定 (the case is decided: a decision is revoked, not terminated)");
        var overdue = Outstanding(tx.State).Where(m => m.CatchUpDue < tx.Today).ToList();
        if (overdue.Count == 0)
            throw Fail.TerminationNotAllowed(Outstanding(tx.State).Any()
                ? $"容缺材料的补交期限（{Outstanding(tx.State).Min(m => m.CatchUpDue):yyyy-MM-dd}）尚未届满 (the catch-up date has not passed)"
                : "办件没有逾期未补交的容缺材料；申请人主动放弃的请办理撤回 (no overdue deferred material; an applicant who gives up withdraws)");
        End(tx, overdue, command.By.UserId, command.Reason.Trim());
    }

    /// <summary>The day after a catch-up date: one 催补 for every material that passed its date, with the grace period's end.</summary>
    private static void Remind(CaseTransaction tx)
    {
        var due = Outstanding(tx.State).Where(m => m.RemindedOn is null && tx.Today >= DayAfter(tx.Deadlines, m.CatchUpDue!.Value)).OrderBy(m => m.MaterialId, StringComparer.Ordinal).ToList();
        if (due.Count == 0) return;
        foreach (var material in due)
            tx.Emit(new DeadlineAlertRaised(AlertKind.Overdue, $"material:{material.MaterialId}", material.CatchUpDue!.Value, tx.Today));
        DateOnly? terminatesAfter = tx.Deadlines.DeferralOverdue == DeferralOverdueOutcome.Terminate && tx.State.Decision is null
            ? tx.Deadlines.Due(tx.Today, tx.Deadlines.DeferralGrace) : null;
        tx.Emit(new CatchUpReminded(due.Select(m => m.MaterialId).ToList(), tx.Today, terminatesAfter));
        var names = string.Join("、", due.Select(m => Checklist.Find(tx, m.MaterialId).Name));
        var message = terminatesAfter is { } last
            ? $"催补：{names} 已过补交期限，请于 {last:yyyy-MM-dd} 前补交，逾期终止办理"
            : $"催补：{names} 已过补交期限，请尽快补交";
        tx.Intend(new Notify(new CaseNotification(NotificationKind.CatchUp, Message: message)));
    }

    /// <summary>Cancels the open work, ends a running procedure, closes the case and issues the 终止办理告知书.</summary>
    private static void End(CaseTransaction tx, IReadOnlyList<MaterialRecord> materials, string by, string? reason)
    {
        var names = materials.Select(m => Checklist.Find(tx, m.MaterialId).Name).ToList();
        var reasons = new List<string>
        {
            $"申请人签署容缺受理承诺书后，未在补交期限（{materials.Min(m => m.CatchUpDue):yyyy年M月d日}）内补交{string.Join("、", names.Select(n => $"《{n.Trim('《', '》')}》"))}"
            + (materials.Any(m => m.RemindedOn is not null) ? "，经催补仍未补交" : ""),
        };
        if (reason is not null) reasons.Add(reason);
        foreach (var task in tx.State.ActiveTasks.ToList()) tx.Emit(new TaskCancelled(task.Id, "终止办理 (terminated)"));
        if (tx.State.ActiveProcedure is { } procedure) ProcedureHandler.Leave(tx, procedure.TokenId);
        tx.Emit(new CaseTerminated(reasons, materials.Select(m => m.MaterialId).ToList(), by, tx.Today));
        // The notice shows the case as ended (status, reasons); notices may be issued after closing.
        DocumentIntents.Issue(tx, TemplateId, stepId: null);
        tx.Intend(new Notify(new CaseNotification(NotificationKind.Terminated, TemplateId: TemplateId, Message: reasons[0])));
    }

    public const string TemplateId = "notices/termination";

    /// <summary>
    /// The working day after a date: the 催补 and the termination are acts of the office, done and
    /// dated on a day it works (a wake that falls on a weekend or holiday acts on the next working day).
    /// </summary>
    public static DateOnly DayAfter(Clocks.Deadlines deadlines, DateOnly day) => deadlines.NextWorkingDayFrom(day.AddDays(1));

    private static IEnumerable<MaterialRecord> Outstanding(CaseState state) =>
        state.Materials.Values.Where(m => m.Status == MaterialStatus.Deferred && m.CatchUpDue is not null);
}
