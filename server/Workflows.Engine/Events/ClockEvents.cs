using System.Collections.Immutable;
using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Engine.Events;

/// <summary>挂起 / 特别程序. When the procedure does not count (the usual case, art. 45) a pause opens.</summary>
public sealed record CaseSuspended(string Reason, ProcedureKind? Procedure, bool Counted, string? Approver, string By, DateOnly On) : CaseEvent
{
    /// <summary>The law that allows the clock to stop (中止); without one the suspension is counted.</summary>
    public string? Basis { get; init; }

    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Status = CaseStatus.Suspended,
        ActiveSuspension = new Suspension(Reason, Procedure, Counted, Approver, By, On, state.Status) { Basis = Basis },
        Clocks = Counted ? state.Clocks : state.Clocks with
        {
            Pauses = [.. state.Clocks.Pauses, new ClockPause(PauseReason.Suspension, On, Note: Reason, Procedure: Procedure)],
        },
    };
}

/// <summary>A task's due date after a pause.</summary>
public sealed record TaskDueMoved(string TaskId, DateOnly Due)
{
    public bool Provisional { get; init; }
}

/// <summary>A waiting timer's wake-up day after a pause: its working days exclude paused ones too.</summary>
public sealed record TimerMoved(string TokenId, DateOnly WakeOn);

/// <summary>
/// The end of a supplement or a suspension. Carries the paused working days and the due dates moved
/// by them, as computed by the handler with the calendar.
/// </summary>
public sealed record ClockResumed(
    PauseReason Reason,
    DateOnly On,
    int PausedWorkingDays,
    int CasePausedWorkingDays,
    CaseStatus ResumedStatus,
    DateOnly AcceptanceDue,
    DateOnly? StatutoryDue,
    DateOnly? PromisedDue,
    IReadOnlyList<TaskDueMoved> TaskDues,
    IReadOnlyList<TimerMoved> Timers) : CaseEvent
{
    public bool AcceptanceDueProvisional { get; init; }
    public bool DecisionDueProvisional { get; init; }

    internal override CaseState ApplyTo(CaseState state)
    {
        var pauses = state.Clocks.Pauses;
        if (state.Clocks.OpenPause is { } open)
        {
            pauses = [.. pauses.Take(pauses.Count - 1), open with { To = On, WorkingDays = PausedWorkingDays }];
        }

        var tasks = state.Tasks.Select(task => TaskDues.FirstOrDefault(d => d.TaskId == task.Id) is { } moved
            ? task with { Due = moved.Due, DueProvisional = moved.Provisional, PausedWorkingDays = task.PausedWorkingDays + PausedWorkingDays }
            : task).ToImmutableList();

        var tokens = state.Tokens.Select(token => Timers.FirstOrDefault(t => t.TokenId == token.Id) is { } timer
            ? token with { WakeOn = timer.WakeOn }
            : token).ToImmutableList();

        return state with
        {
            Status = ResumedStatus,
            Tokens = tokens,
            ActiveSuspension = Reason == PauseReason.Suspension ? null : state.ActiveSuspension,
            OpenSupplement = Reason == PauseReason.Supplement ? null : state.OpenSupplement,
            SupplementHistory = Reason == PauseReason.Supplement && state.OpenSupplement is { } notice
                ? state.SupplementHistory.Add(notice with { SupplementedOn = On })
                : state.SupplementHistory,
            Tasks = tasks,
            Clocks = state.Clocks with
            {
                Pauses = pauses,
                AcceptanceDue = AcceptanceDue,
                StatutoryDue = StatutoryDue,
                PromisedDue = PromisedDue,
                AcceptanceDueProvisional = AcceptanceDueProvisional,
                DecisionDueProvisional = DecisionDueProvisional,
                PausedWorkingDays = state.Clocks.PausedWorkingDays + CasePausedWorkingDays,
            },
        };
    }
}

/// <summary>延期 (art. 42): both due dates move by the extension.</summary>
public sealed record CaseExtended(int WorkingDays, string Approver, string Reason, DateOnly On, DateOnly StatutoryDue, DateOnly PromisedDue) : CaseEvent
{
    public bool DueProvisional { get; init; }

    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Clocks = state.Clocks with
        {
            StatutoryDue = StatutoryDue,
            PromisedDue = PromisedDue,
            DecisionDueProvisional = DueProvisional,
            ExtendedWorkingDays = state.Clocks.ExtendedWorkingDays + WorkingDays,
            Extensions = [.. state.Clocks.Extensions, new Extension(WorkingDays, Approver, Reason, On)],
        },
    };
}

/// <summary>预警 or 超期, raised once per subject and due date by Tick.</summary>
public sealed record DeadlineAlertRaised(AlertKind Kind, string Subject, DateOnly Due, DateOnly On) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Alerts = state.Alerts.Add(new DeadlineAlert(Kind, Subject, Due, On)),
    };
}
