using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Engine.State;

namespace Workflows.Engine.Queries;

/// <summary>正常 / 预警 / 超期, and 已暂停 while the clock stands still: the colour every list shows for a deadline.</summary>
public enum DeadlineLevel
{
    Normal,
    Warning,
    Overdue,
    Suspended,
}

/// <summary>
/// The one place the deadline level is decided: the case view, the task inbox, the issuance list
/// and supervision all ask here, and the store's counts compare the same two dates
/// (<see cref="DeadlineDates"/>) with today in SQL, so a list and a count can never disagree.
/// </summary>
public static class DeadlineLevels
{
    /// <summary>The share of a limit used up before 预警 when office.yaml sets none.</summary>
    public const double DefaultWarningAt = 0.8;

    /// <summary>office.yaml's <c>clock.warningAt</c> when it is a fraction in (0, 1], else the default.</summary>
    public static double WarningAt(ClockSettings? clock) => clock?.WarningAt is > 0 and <= 1 ? clock.WarningAt.Value : DefaultWarningAt;

    /// <summary>
    /// The dates a deadline's level turns on: 预警 from <c>WarnFrom</c>, 超期 after <c>Due</c>.
    /// <c>Suspended</c> wins over both: a suspended case's clock stands still (its due dates move on resume).
    /// </summary>
    public sealed record DeadlineDates(DateOnly? Due, DateOnly? WarnFrom, bool Suspended);

    /// <summary>The case's promised deadline, counted only once it is accepted and while it is open.</summary>
    public static DeadlineDates OfCase(CaseState state, WorkingCalendar calendar, double warningAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsClosed || state.Clocks.AcceptedOn is not { } accepted) return new DeadlineDates(null, null, false);
        var due = state.Clocks.PromisedDue;
        return new DeadlineDates(due, WarnFrom(calendar, accepted, due, state.Clocks.PausedWorkingDays, warningAt), state.Clocks.OpenPause is not null);
    }

    /// <summary>
    /// An open task's deadline; a task of a suspended case is suspended with it, except the task of a
    /// running excluded procedure: it is due on the announced end, so an overrun shows as 超期. A task
    /// without a limit of its own (统一出件, say) runs on the case's promised deadline: it shows the case's
    /// level, so the issuance list and the inbox never call 正常 a case the case view calls 超期.
    /// </summary>
    public static DeadlineDates OfTask(CaseState state, CaseTask task, WorkingCalendar calendar, double warningAt)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(task);
        if (task.Due is null) return OfCase(state, calendar, warningAt);
        return new DeadlineDates(task.Due, WarnFrom(calendar, task.CreatedOn, task.Due, task.PausedWorkingDays, warningAt),
            !state.IsClosed && state.Clocks.OpenPause is not null && !ProcedureClock.IsProcedureTask(state, task));
    }

    /// <summary>The level on <paramref name="today"/>: what SQL computes from the same stored dates.</summary>
    public static DeadlineLevel On(DeadlineDates dates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.Suspended) return DeadlineLevel.Suspended;
        if (dates.Due is { } due && today > due) return DeadlineLevel.Overdue;
        if (dates.WarnFrom is { } warn && today >= warn) return DeadlineLevel.Warning;
        return DeadlineLevel.Normal;
    }

    public static DeadlineLevel OfCase(CaseState state, WorkingCalendar calendar, double warningAt, DateOnly today) =>
        On(OfCase(state, calendar, warningAt), today);

    public static DeadlineLevel OfTask(CaseState state, CaseTask task, WorkingCalendar calendar, double warningAt, DateOnly today) =>
        On(OfTask(state, task, calendar, warningAt), today);

    /// <summary>
    /// The first day on which the working days used since <paramref name="start"/> (less the paused
    /// ones) reach <paramref name="warningAt"/> of the limit; null when the limit leaves no room to warn.
    /// Used days never decrease as the day moves on, so "today ≥ this day" is the same test as
    /// "used ≥ share of the limit" on every day, which is what lets SQL compare a stored date.
    /// </summary>
    public static DateOnly? WarnFrom(WorkingCalendar calendar, DateOnly start, DateOnly? due, int pausedWorkingDays, double warningAt)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (due is not { } d) return null;
        var limit = calendar.WorkingDaysBetween(start, d) - pausedWorkingDays;
        if (limit <= 0) return null;
        var threshold = warningAt * limit;
        // At most the limit plus the paused and non-working days in between: a few hundred steps.
        for (var day = start; day <= d; day = day.AddDays(1))
        {
            if (calendar.WorkingDaysBetween(start, day) - pausedWorkingDays >= threshold) return day;
        }
        return null;
    }

    /// <summary>The API's text for a level (kebab-case, as every other enum).</summary>
    public static string Key(this DeadlineLevel level) => level switch
    {
        DeadlineLevel.Warning => "warning",
        DeadlineLevel.Overdue => "overdue",
        DeadlineLevel.Suspended => "suspended",
        _ => "normal",
    };

    public static string Label(this DeadlineLevel level) => level switch
    {
        DeadlineLevel.Warning => "预警",
        DeadlineLevel.Overdue => "超期",
        DeadlineLevel.Suspended => "已暂停",
        _ => "正常",
    };
}
