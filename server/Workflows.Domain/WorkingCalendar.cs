namespace Workflows.Domain;

/// <summary>
/// Working-day arithmetic over the official holiday schedules (DOMAIN.md §5). A day is a working
/// day if it is Monday–Friday and not a holiday, or if it is a make-up workday. A year without a
/// published schedule counts the statutory holidays (<see cref="StatutoryHolidays"/>) as holidays,
/// never plain Monday–Friday, and every date counted through such a year is provisional
/// (<see cref="IsProvisional(DateOnly)"/>) until its schedule is added.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<int> _years;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    // Only the special days that change the Monday–Friday answer matter for counting, kept sorted
    // so that counting over a long range is two binary searches instead of a walk over every day.
    private readonly DateOnly[] _holidaysOnWeekdays;
    private readonly DateOnly[] _makeUpWorkdaysOnWeekends;

    // Per year without a schedule: its statutory holidays on Monday–Friday that no published
    // schedule already lists (a schedule's New Year holiday may reach into the next year).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, DateOnly[]> _provisionalHolidays = new();

    /// <exception cref="ArgumentException">A year appears twice, or a date is both a holiday and a make-up workday.</exception>
    public WorkingCalendar(IEnumerable<CalendarYear> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        var schedules = years.ToArray();
        _years = [];
        _holidays = [];
        _makeUpWorkdays = [];
        foreach (var year in schedules)
        {
            if (!_years.Add(year.Year))
            {
                throw new ArgumentException($"工作日历年份重复 (duplicate calendar year): {year.Year}", nameof(years));
            }

            _holidays.UnionWith(year.Holidays);
            _makeUpWorkdays.UnionWith(year.MakeUpWorkdays);
        }

        var conflicting = _holidays.Intersect(_makeUpWorkdays).Order().ToList();
        if (conflicting.Count > 0)
        {
            throw new ArgumentException(
                $"同一天既是节假日又是调休上班日 (a date is both a holiday and a make-up workday): {string.Join(", ", conflicting)}",
                nameof(years));
        }

        Schedules = schedules;
        Years = _years.Order().ToArray();
        _holidaysOnWeekdays = _holidays.Where(IsMondayToFriday).Order().ToArray();
        _makeUpWorkdaysOnWeekends = _makeUpWorkdays.Where(day => !IsMondayToFriday(day)).Order().ToArray();
    }

    /// <summary>The years that have a schedule, ascending.</summary>
    public IReadOnlyList<int> Years { get; }

    /// <summary>The published schedules this calendar was built from.</summary>
    public IReadOnlyList<CalendarYear> Schedules { get; }

    /// <summary>True when the day's year has a schedule (a calendar file).</summary>
    public bool Covers(DateOnly day) => _years.Contains(day.Year);

    /// <summary>
    /// True when the day's year has no published schedule: whether it is a working day is a
    /// forecast from the statutory holidays, and a date counted to it may move when the schedule
    /// is added.
    /// </summary>
    public bool IsProvisional(DateOnly day) => !Covers(day);

    /// <summary>
    /// True when counting from <paramref name="start"/> to <paramref name="end"/> (either order)
    /// passes through a year without a schedule.
    /// </summary>
    public bool IsProvisional(DateOnly start, DateOnly end)
    {
        var (low, high) = start <= end ? (start.Year, end.Year) : (end.Year, start.Year);
        for (var year = low; year <= high; year++)
            if (!_years.Contains(year)) return true;
        return false;
    }

    /// <summary>This calendar without the given years' schedules: what it answered before they were published.</summary>
    public WorkingCalendar Without(IEnumerable<int> years)
    {
        var removed = years.ToHashSet();
        return new WorkingCalendar(Schedules.Where(s => !removed.Contains(s.Year)));
    }

    /// <summary>
    /// Monday–Friday and not a holiday, or a make-up workday. A date listed in any schedule counts
    /// even outside that schedule's year (a New Year holiday can start on 30 December). In a year
    /// without a schedule the statutory holidays are holidays too.
    /// </summary>
    public bool IsWorkingDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day)
        || (IsMondayToFriday(day) && !_holidays.Contains(day) && (Covers(day) || !StatutoryHolidays.Contains(day)));

    /// <summary>
    /// The n-th working day after <paramref name="start"/>: counting starts the next day, so the
    /// start itself never counts. n = 0 returns the start unchanged; n &lt; 0 counts backwards
    /// from the previous day.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Counting runs past the range of <see cref="DateOnly"/>.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        var step = n < 0 ? -1 : 1;
        var remaining = Math.Abs((long)n);
        var day = start;
        while (remaining > 0)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
            {
                remaining--;
            }
        }

        return day;
    }

    /// <summary>
    /// Working days in (from, to]. Defined as a difference of running totals, so it is
    /// antisymmetric: when <paramref name="toInclusive"/> is before <paramref name="fromExclusive"/>
    /// the result is minus the working days in (to, from].
    /// </summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            return -WorkingDaysBetween(toInclusive, fromExclusive);
        }

        var count = MondayToFridayCount(fromExclusive, toInclusive)
            - CountInRange(_holidaysOnWeekdays, fromExclusive, toInclusive)
            + CountInRange(_makeUpWorkdaysOnWeekends, fromExclusive, toInclusive);
        for (var year = fromExclusive.Year; year <= toInclusive.Year; year++)
        {
            if (!_years.Contains(year)) count -= CountInRange(ProvisionalHolidays(year), fromExclusive, toInclusive);
        }

        return count;
    }

    private DateOnly[] ProvisionalHolidays(int year) => _provisionalHolidays.GetOrAdd(year, y =>
        StatutoryHolidays.Of(y)
            .Where(day => IsMondayToFriday(day) && !_holidays.Contains(day) && !_makeUpWorkdays.Contains(day))
            .ToArray());

    private static bool IsMondayToFriday(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Mondays to Fridays in (from, to], from ≤ to: whole weeks arithmetically, then at most six days.</summary>
    private static int MondayToFridayCount(DateOnly fromExclusive, DateOnly toInclusive)
    {
        var days = toInclusive.DayNumber - fromExclusive.DayNumber;
        var wholeWeeks = days / 7;
        var count = wholeWeeks * 5;
        for (var offset = wholeWeeks * 7 + 1; offset <= days; offset++)
        {
            if (IsMondayToFriday(fromExclusive.AddDays(offset)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>How many of the sorted days fall in (from, to].</summary>
    private static int CountInRange(DateOnly[] sortedDays, DateOnly fromExclusive, DateOnly toInclusive) =>
        CountAtOrBefore(sortedDays, toInclusive) - CountAtOrBefore(sortedDays, fromExclusive);

    private static int CountAtOrBefore(DateOnly[] sortedDays, DateOnly day)
    {
        var index = Array.BinarySearch(sortedDays, day);
        return index >= 0 ? index + 1 : ~index;
    }
}
