using Workflows.Domain;
using Workflows.Engine.State;

namespace Workflows.Engine.Queries;

/// <summary>Remaining working days: positive = days left, 0 = due today, negative = working days overdue.</summary>
/// <param name="Acceptance">Days left for the acceptance decision while the case waits at the window (收件, not yet 受理).</param>
public sealed record RemainingDays(int? Acceptance, int? Promised, int? Statutory, IReadOnlyDictionary<string, int> Tasks, bool Paused);

public static class RemainingWorkingDays
{
    /// <summary>
    /// What the workbench and supervision show for the case and each open task on <paramref name="today"/>.
    /// While the clock is paused the count stands still at the day the pause began.
    /// </summary>
    public static RemainingDays Of(CaseState state, WorkingCalendar calendar, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        var pause = state.Clocks.OpenPause;
        var asOf = pause is not null && pause.From < today ? pause.From : today;
        int? Left(DateOnly? due) => due is { } d ? calendar.WorkingDaysBetween(asOf, d) : null;

        var tasks = state.ActiveTasks
            .Where(t => t.Due is not null)
            .ToDictionary(t => t.Id, t => Left(t.Due)!.Value);
        var open = !state.IsClosed;
        return new RemainingDays(
            open && state.Status == CaseStatus.Received ? calendar.WorkingDaysBetween(today, state.Clocks.AcceptanceDue) : null,
            open ? Left(state.Clocks.PromisedDue) : null,
            open ? Left(state.Clocks.StatutoryDue) : null,
            tasks,
            Paused: pause is not null && open);
    }
}
