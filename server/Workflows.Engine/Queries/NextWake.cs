using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Engine.Clocks;
using Workflows.Engine.State;

namespace Workflows.Engine.Queries;

/// <summary>
/// When a scheduler next has to call <see cref="Commands.Tick"/> for a case: the earliest China-time
/// day, on or after "today", on which a Tick would change something. It mirrors the rules of the
/// engine's Tick (acceptance lapse, 容缺 催补 and 终止办理, timer steps, 预警, 超期), so that a scheduler wakes a case on
/// exactly the days that matter instead of ticking every case every day.
/// </summary>
public static class NextWake
{
    /// <summary>The China-time (UTC+8) calendar day of an instant: the day the engine counts in.</summary>
    public static DateOnly ChinaDay(DateTimeOffset instant) => ChinaTime.DateOf(instant);

    public static DateOnly? Of(CaseState state, WorkingCalendar calendar, ClockSettings? settings, DateOnly today) =>
        Of(state, new Deadlines(calendar, settings), today);

    /// <summary>
    /// Null when nothing time-driven is pending: the case is closed, or its clock stands still
    /// (补正, 挂起), in which case the command that resumes it computes a new wake.
    /// A day already past comes back as <paramref name="today"/>: a Tick now would act.
    /// </summary>
    public static DateOnly? Of(CaseState state, Deadlines deadlines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(deadlines);
        if (state.IsClosed) return null;
        // Before acceptance only the 5-working-day acceptance clock runs; its lapse is the next event.
        if (state.Status == CaseStatus.Received) return Latest(state.Clocks.AcceptanceDue.AddDays(1), today);
        var countedSuspension = state.Status == CaseStatus.Suspended && state.ActiveSuspension is { Counted: true };
        // 容缺 催补 and 终止办理 run on the applicant's catch-up dates, also while the clock is paused.
        var deferral = DeferralWake(state, deadlines);
        if (!state.Status.IsRunning() && !countedSuspension) return deferral is { } paused ? Latest(paused, today) : null;

        var candidates = new List<DateOnly>();
        if (deferral is { } day) candidates.Add(day);
        // While an excluded procedure stops the clock, Tick watches only the procedure's own announced end.
        if (ProcedureClock.StopsClock(state))
        {
            foreach (var task in state.ActiveTasks.Where(t => t.Due is not null && ProcedureClock.IsProcedureTask(state, t)))
                Add(candidates, state, deadlines, today, $"task:{task.Id}", task.CreatedOn, task.Due, task.PausedWorkingDays, warn: true);
            return candidates.Count == 0 ? null : Latest(candidates.Min(), today);
        }

        // Timers wait while the case is suspended, even when its statutory clock runs on.
        if (!countedSuspension) candidates.AddRange(state.Tokens.Where(t => t.WakeOn is not null).Select(t => t.WakeOn!.Value));

        var clocks = state.Clocks;
        if (clocks.AcceptedOn is { } acceptedOn)
        {
            Add(candidates, state, deadlines, today, "case:promised", acceptedOn, clocks.PromisedDue, clocks.PausedWorkingDays, warn: true);
            Add(candidates, state, deadlines, today, "case:statutory", acceptedOn, clocks.StatutoryDue, clocks.PausedWorkingDays, warn: false);
        }

        foreach (var task in state.ActiveTasks.Where(t => t.Due is not null))
        {
            Add(candidates, state, deadlines, today, $"task:{task.Id}", task.CreatedOn, task.Due, task.PausedWorkingDays, warn: true);
        }

        return candidates.Count == 0 ? null : Latest(candidates.Min(), today);
    }

    /// <summary>
    /// The day after a deferred material's catch-up date (催补, which also marks it 超期), then the day
    /// after the grace period (终止办理; none once the case is decided, see DeferralHandler).
    /// </summary>
    private static DateOnly? DeferralWake(CaseState state, Deadlines deadlines)
    {
        if (state.Clocks.AcceptedOn is null) return null;
        var days = state.Materials.Values
            .Where(m => m.Status == MaterialStatus.Deferred && m.CatchUpDue is not null)
            .Select(m => m.RemindedOn is null ? Handlers.DeferralHandler.DayAfter(deadlines, m.CatchUpDue!.Value)
                : m.TerminatesAfter is { } last && state.Decision is null ? Handlers.DeferralHandler.DayAfter(deadlines, last) : (DateOnly?)null)
            .OfType<DateOnly>().ToList();
        return days.Count == 0 ? null : days.Min();
    }

    /// <summary>The days on which Tick raises this subject's alerts, unless already raised for this due date.</summary>
    private static void Add(List<DateOnly> candidates, CaseState state, Deadlines deadlines, DateOnly today,
        string subject, DateOnly start, DateOnly? due, int pausedWorkingDays, bool warn)
    {
        if (due is not { } dueDay) return;
        bool Raised(AlertKind kind) => state.Alerts.Any(a => a.Kind == kind && a.Subject == subject && a.Due == dueDay);

        if (!Raised(AlertKind.Overdue)) candidates.Add(dueDay.AddDays(1));
        if (!warn || Raised(AlertKind.Warning) || today > dueDay) return;
        // The day Tick raises the warning (the one WarnFrom), or today when that day has passed.
        if (deadlines.WarnFrom(start, dueDay, pausedWorkingDays) is { } warning) candidates.Add(Latest(warning, today));
    }

    private static DateOnly Latest(DateOnly day, DateOnly today) => day < today ? today : day;
}
