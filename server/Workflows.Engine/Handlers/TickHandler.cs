using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Intents;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>
/// Time passes. The scheduler outside only calls Tick; everything time-driven is decided here:
/// the acceptance clock's lapse, 容缺 催补 and 终止办理 (<see cref="DeferralHandler"/>), due timers, 预警 and 超期. Each alert is raised once per subject
/// and due date, so ticking twice on the same day changes nothing.
/// </summary>
internal static class TickHandler
{
    public static void Tick(CaseTransaction tx)
    {
        if (tx.State.IsClosed) return;
        if (tx.State.Status == CaseStatus.Received && tx.Today > tx.State.Clocks.AcceptanceDue)
        {
            IntakeHandler.AcceptByLapse(tx);
        }

        // 容缺 催补 and 终止办理 follow the applicant's catch-up dates, also while the office's clock is paused.
        DeferralHandler.Tick(tx);

        // A 挂起 without a legal basis does not stop the clock: the work waits, the deadlines do not.
        if (!tx.State.IsClosed && tx.State.Status == CaseStatus.Suspended && tx.State.ActiveSuspension is { Counted: true })
        {
            RaiseAlerts(tx);
            return;
        }

        // While the clock is paused (补正, 挂起) nothing is due: timers wait and no alert is raised.
        if (tx.State.IsClosed || !tx.State.Status.IsRunning()) return;
        // While an excluded procedure runs only its own announced end is watched (an overrun is shown).
        if (ProcedureClock.StopsClock(tx.State))
        {
            RaiseProcedureAlerts(tx);
            return;
        }
        FireTimers(tx);
        if (tx.State.IsClosed) return;
        RaiseAlerts(tx);
    }

    private static void FireTimers(CaseTransaction tx)
    {
        var due = tx.State.Tokens.Where(t => t.WakeOn is { } wake && wake <= tx.Today).ToList();
        foreach (var token in due)
        {
            if (tx.State.IsClosed || tx.State.Token(token.Id) is null) continue;
            var step = tx.Router.StepOf(token.StepId);
            tx.Emit(new TimerFired(token.Id, step.Id));
            tx.Router.Leave(token.Id, step, outcome: null);
        }
    }

    private static void RaiseProcedureAlerts(CaseTransaction tx)
    {
        foreach (var task in tx.State.ActiveTasks.Where(t => t.Due is not null && ProcedureClock.IsProcedureTask(tx.State, t)).ToList())
            Check(tx, $"task:{task.Id}", task.CreatedOn, task.Due, task.PausedWorkingDays, warn: true, task.Id);
    }

    private static void RaiseAlerts(CaseTransaction tx)
    {
        var clocks = tx.State.Clocks;
        if (clocks.AcceptedOn is { } acceptedOn)
        {
            Check(tx, "case:promised", acceptedOn, clocks.PromisedDue, clocks.PausedWorkingDays, warn: true, taskId: null);
            Check(tx, "case:statutory", acceptedOn, clocks.StatutoryDue, clocks.PausedWorkingDays, warn: false, taskId: null);
        }

        foreach (var task in tx.State.ActiveTasks.Where(t => t.Due is not null).ToList())
        {
            Check(tx, $"task:{task.Id}", task.CreatedOn, task.Due, task.PausedWorkingDays, warn: true, task.Id);
        }
    }

    /// <summary>
    /// Overdue once the due day has passed; a warning once the counted working days reach the
    /// configured fraction of the limit (paused days count neither as used nor as available).
    /// </summary>
    private static void Check(CaseTransaction tx, string subject, DateOnly start, DateOnly? due, int pausedWorkingDays, bool warn, string? taskId)
    {
        if (due is not { } dueDay) return;
        if (tx.Today > dueDay)
        {
            Raise(tx, AlertKind.Overdue, subject, dueDay, taskId);
            return;
        }

        if (!warn) return;
        // The same day the lists turn 预警 on, so an alert and a colour never disagree.
        if (tx.Deadlines.WarnFrom(start, dueDay, pausedWorkingDays) is { } warnFrom && tx.Today >= warnFrom)
            Raise(tx, AlertKind.Warning, subject, dueDay, taskId);
    }

    private static void Raise(CaseTransaction tx, AlertKind kind, string subject, DateOnly due, string? taskId)
    {
        if (tx.State.Alerts.Any(a => a.Kind == kind && a.Subject == subject && a.Due == due)) return;
        tx.Emit(new DeadlineAlertRaised(kind, subject, due, tx.Today));
        var notification = kind == AlertKind.Warning ? NotificationKind.Warning : NotificationKind.Overdue;
        tx.Intend(new Notify(new CaseNotification(notification, TaskId: taskId, Message: $"{subject} {due:yyyy-MM-dd}")));
    }
}
