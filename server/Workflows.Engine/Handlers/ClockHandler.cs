using Workflows.Engine.Clocks;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>挂起 / 特别程序, 恢复 and 延期: everything that stops or moves the case clock.</summary>
internal static class ClockHandler
{
    public static void Suspend(CaseTransaction tx, Suspend command)
    {
        Guard.Running(tx, "挂起");
        Guard.Text(command.Reason, "挂起理由");
        if (string.IsNullOrWhiteSpace(command.Approver)) throw Fail.SuspensionNeedsApprover();
        if (tx.State.ActiveProcedure is { } running) throw Fail.SuspendDuringProcedure(running.Name);
        // Without a law that provides the pause (中止), waiting does not stop the statutory clock.
        var basis = string.IsNullOrWhiteSpace(command.Basis) ? null : command.Basis.Trim();
        var counted = basis is null;
        if (command.Procedure is { } kind)
        {
            // Art. 45: the guide says which excluded procedures this item has and whether their time counts.
            var procedure = tx.Item.Guide?.ExcludedProcedures.FirstOrDefault(p => p.Kind == kind)
                ?? throw Fail.ProcedureNotListed(kind.ToString());
            counted |= procedure.Counted;
        }

        tx.Emit(new CaseSuspended(command.Reason, command.Procedure, counted, command.Approver!.Trim(), command.By.UserId, tx.Today) { Basis = basis });
    }

    public static void Resume(CaseTransaction tx, Resume command)
    {
        Guard.StatusIs(tx, "恢复办理", CaseStatus.Suspended);
        var suspension = tx.State.ActiveSuspension!;
        if (suspension.Counted)
        {
            // A counted procedure never stopped the clock: nothing moves.
            tx.Emit(new ClockResumed(PauseReason.Suspension, tx.Today, 0, 0, suspension.ResumeTo,
                tx.State.Clocks.AcceptanceDue, tx.State.Clocks.StatutoryDue, tx.State.Clocks.PromisedDue, [], [])
            {
                AcceptanceDueProvisional = tx.State.Clocks.AcceptanceDueProvisional,
                DecisionDueProvisional = tx.State.Clocks.DecisionDueProvisional,
            });
            return;
        }

        ResumeClock(tx, PauseReason.Suspension, suspension.From, suspension.ResumeTo);
    }

    /// <summary>
    /// Closes the open pause: the working days in (paused on, today] do not count, so every running
    /// due date (case, open tasks, waiting timers) moves later by exactly that many working days.
    /// </summary>
    internal static void ResumeClock(CaseTransaction tx, PauseReason reason, DateOnly pausedOn, CaseStatus resumeTo)
    {
        var paused = tx.Deadlines.WorkingDaysBetween(pausedOn, tx.Today);
        var clocks = tx.State.Clocks;
        DateOnly? Move(DateOnly? due) => due is { } d ? tx.Deadlines.MoveBy(d, paused) : null;
        var taskDues = tx.State.ActiveTasks
            .Where(t => t.Due is not null)
            .Select(t => new TaskDueMoved(t.Id, Move(t.Due)!.Value) { Provisional = t.DueProvisional || tx.Deadlines.IsProvisional(Move(t.Due)) })
            .ToList();
        var timers = tx.State.Tokens
            .Where(t => t.WakeOn is not null)
            .Select(t => new TimerMoved(t.Id, Move(t.WakeOn)!.Value))
            .ToList();
        var promisedDue = Move(clocks.PromisedDue);
        tx.Emit(new ClockResumed(reason, tx.Today, paused, paused, resumeTo,
            clocks.AcceptanceDue, Move(clocks.StatutoryDue), promisedDue, taskDues, timers)
        {
            AcceptanceDueProvisional = clocks.AcceptanceDueProvisional,
            DecisionDueProvisional = clocks.DecisionDueProvisional || tx.Deadlines.IsProvisional(Move(clocks.StatutoryDue)) || tx.Deadlines.IsProvisional(promisedDue),
        });
    }

    public static void Extend(CaseTransaction tx, Extend command)
    {
        if (!tx.State.IsClosed && tx.State.Clocks.AcceptedOn is null)
            throw Violation(ErrorCodes.ExtensionBeforeAcceptance, "受理前没有办理期限，不能延期 (no decision deadline before acceptance)");
        if (tx.State.IsClosed || !(tx.State.Status.IsRunning() || tx.State.Status == CaseStatus.Suspended))
            throw Fail.Status("延期", tx.State.Status);
        if (command.WorkingDays <= 0) throw Fail.Invalid("延期天数须为正数 (the extension must be positive)");
        Guard.Text(command.Approver, "批准人");
        Guard.Text(command.Reason, "延期理由");
        var clocks = tx.State.Clocks;
        // Art. 42: a decision deadline exists only from acceptance; once; before it passes; capped.
        if (clocks.AcceptedOn is null || clocks.StatutoryDue is null || clocks.PromisedDue is null)
            throw Violation(ErrorCodes.ExtensionBeforeAcceptance, "受理前没有办理期限，不能延期 (no decision deadline before acceptance)");
        if (clocks.Extensions.Count > 0)
            throw Violation(ErrorCodes.ExtensionAlreadyGranted,
                $"已于 {clocks.Extensions[0].On:yyyy-MM-dd} 延期 {clocks.Extensions[0].WorkingDays} 个工作日，依法只能延期一次 (an extension was already granted: art. 42 allows one)");
        if (tx.Today > clocks.StatutoryDue.Value)
            throw Violation(ErrorCodes.ExtensionTooLate,
                $"法定期限已于 {clocks.StatutoryDue.Value:yyyy-MM-dd} 届满，须在期限届满前决定延期 (the statutory deadline has passed)");
        var cap = ExtensionRules.CapOf(tx.Item.Guide);
        if (command.WorkingDays > cap)
            throw Violation(ErrorCodes.ExtensionOverCap,
                $"延期不得超过 {cap} 个工作日（{ExtensionRules.SourceOf(tx.Item.Guide)}） (the extension exceeds the cap of {cap} working days)");
        var statutoryDue = tx.Deadlines.MoveBy(clocks.StatutoryDue!.Value, command.WorkingDays);
        var promisedDue = tx.Deadlines.MoveBy(clocks.PromisedDue!.Value, command.WorkingDays);
        tx.Emit(new CaseExtended(command.WorkingDays, command.Approver, command.Reason, tx.Today, statutoryDue, promisedDue)
        {
            DueProvisional = clocks.DecisionDueProvisional || tx.Deadlines.IsProvisional(statutoryDue) || tx.Deadlines.IsProvisional(promisedDue),
        });
    }

    private static CaseRuleViolation Violation(string code, string message) => new(new DomainError(code, message));
}
