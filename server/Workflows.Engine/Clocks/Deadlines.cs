using Workflows.Definitions.Model;
using Workflows.Domain;

namespace Workflows.Engine.Clocks;

/// <summary>Due-date arithmetic over the working calendar and the office's clock settings.</summary>
public sealed class Deadlines(WorkingCalendar calendar, ClockSettings? settings)
{
    /// <summary>行政许可法 art. 32: the acceptance decision within 5 working days of receipt.</summary>
    public static readonly Duration StatutoryAcceptanceLimit = Duration.WorkingDays(5);

    public WorkingCalendar Calendar => calendar;

    public Duration AcceptanceLimit => settings?.AcceptanceLimit ?? StatutoryAcceptanceLimit;

    /// <summary>差评整改: the bad-rating rectification period (国办发〔2019〕51号 asks for prompt rectification; 5 working days unless the office says otherwise).</summary>
    public Duration RectificationLimit => settings?.RectificationLimit ?? Duration.WorkingDays(5);

    /// <summary>告知承诺核查: the period to check a pledge after the decision (local; 20 working days unless the office says otherwise).</summary>
    public Duration PledgeCheckPeriod => settings?.PledgeCheckPeriod ?? Duration.WorkingDays(20);

    /// <summary>默认评价: a case not rated within this period gets the default rating (local; Guangdong 7 calendar days).</summary>
    public Duration DefaultRatingAfter => settings?.DefaultRatingAfter ?? new Duration(7, DurationUnit.CalendarDays);

    /// <summary>
    /// 容缺: the latest catch-up date a deferred material may get: the promised due date, brought
    /// forward by the office's margin (Shenzhen: at least 2 working days shorter) and capped by its
    /// maximum counted from acceptance (Shenzhen: 20 working days); never before acceptance.
    /// </summary>
    public DateOnly LatestCatchUp(DateOnly acceptedOn, DateOnly promisedDue)
    {
        var latest = settings?.DeferralMargin is { Value: > 0 } margin
            ? margin.Unit == DurationUnit.WorkingDays ? calendar.AddWorkingDays(promisedDue, -margin.Value) : promisedDue.AddDays(-margin.Value)
            : promisedDue;
        if (settings?.DeferralMax is { } max && Due(acceptedOn, max) is var cap && cap < latest) latest = cap;
        return latest < acceptedOn ? acceptedOn : latest;
    }

    /// <summary>容缺: the earliest catch-up date a window may choose: the office's shortest period counted from acceptance (default: the day of acceptance).</summary>
    public DateOnly EarliestCatchUp(DateOnly acceptedOn) =>
        settings?.DeferralMin is { Value: > 0 } min ? Due(acceptedOn, min) : acceptedOn;

    /// <summary>容缺 overdue: terminate after the grace period (default) or only remind (local rule).</summary>
    public DeferralOverdueOutcome DeferralOverdue => settings?.DeferralOverdue ?? DeferralOverdueOutcome.Terminate;

    /// <summary>容缺 催补: the grace period after the reminder before the case is terminated (local; 5 working days unless the office says otherwise).</summary>
    public Duration DeferralGrace => settings?.DeferralGrace ?? Duration.WorkingDays(5);

    /// <summary>The share of a limit used up before 预警 (<see cref="Queries.DeadlineLevels.WarningAt"/>).</summary>
    public double WarningFraction => Queries.DeadlineLevels.WarningAt(settings);

    /// <summary>The first day of 预警 for a limit (<see cref="Queries.DeadlineLevels.WarnFrom"/>).</summary>
    public DateOnly? WarnFrom(DateOnly start, DateOnly due, int pausedWorkingDays) =>
        Queries.DeadlineLevels.WarnFrom(calendar, start, due, pausedWorkingDays, WarningFraction);

    /// <summary>
    /// The due date of a limit started on <paramref name="start"/>. By default counting starts the
    /// next day (DOMAIN.md §5); with <see cref="CountFrom.SameDay"/> a working start day is day one.
    /// </summary>
    public DateOnly Due(DateOnly start, Duration limit)
    {
        var sameDay = settings?.CountFrom == CountFrom.SameDay;
        if (limit.Value == 0) return start;
        if (limit.Unit == DurationUnit.CalendarDays) return NextWorkingDayFrom(start.AddDays(sameDay ? limit.Value - 1 : limit.Value));
        var countsStart = sameDay && calendar.IsWorkingDay(start);
        return calendar.AddWorkingDays(start, countsStart ? limit.Value - 1 : limit.Value);
    }

    /// <summary>
    /// A period counted in calendar days that ends on a holiday or a weekend ends on the next
    /// working day instead (the usual rule for periods: 期间届满的最后一日是法定休假日的，以休假日结束的次日为最后一日).
    /// </summary>
    public DateOnly NextWorkingDayFrom(DateOnly day)
    {
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>
    /// True when the due date lies in a year without a published schedule, so it was counted with
    /// the statutory holidays only and may move when the schedule is added (DOMAIN.md §5). Years are
    /// published in order, so a date counted forward into such a year is the only way to pass one.
    /// </summary>
    public bool IsProvisional(DateOnly? due) => due is { } d && calendar.IsProvisional(d);

    /// <summary>A due date moved later by paused or extended working days.</summary>
    public DateOnly MoveBy(DateOnly due, int workingDays) => calendar.AddWorkingDays(due, workingDays);

    /// <summary>Working days in (from, to]: a pause from Monday to Wednesday stops Tuesday and Wednesday.</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) =>
        calendar.WorkingDaysBetween(fromExclusive, toInclusive);
}
