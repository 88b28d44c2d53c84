using System.Collections.Concurrent;
using System.Globalization;

namespace Workflows.Domain;

/// <summary>
/// The statutory holidays of 全国年节及纪念日放假办法 (as revised in force from 2025, DOMAIN.md §5):
/// 元旦 1 day, 春节 4 (除夕 and 正月初一–初三), 清明 1, 劳动节 2 (5/1–2), 端午 1, 中秋 1, 国庆 3 (10/1–3).
/// They are what a year is known to contain before the State Council publishes its schedule (调休
/// is not predictable), so working days counted with them are provisional.
/// </summary>
public static class StatutoryHolidays
{
    private static readonly ChineseLunisolarCalendar Lunar = new();
    private static readonly ConcurrentDictionary<int, IReadOnlyList<DateOnly>> Cache = new();

    /// <summary>The statutory holidays of a Gregorian year, ascending.</summary>
    public static IReadOnlyList<DateOnly> Of(int year) => Cache.GetOrAdd(year, Compute);

    /// <summary>True when the day is one of its year's statutory holidays.</summary>
    public static bool Contains(DateOnly day) => Of(day.Year).Contains(day);

    private static IReadOnlyList<DateOnly> Compute(int year)
    {
        var days = new SortedSet<DateOnly> { new(year, 1, 1), new(year, 5, 1), new(year, 5, 2), new(year, 10, 1), new(year, 10, 2), new(year, 10, 3) };
        if (QingMing(year) is { } qingMing) days.Add(qingMing);
        if (LunarDate(year, 1, 1) is { } newYear)
        {
            days.Add(newYear.AddDays(-1)); // 除夕: the day before 正月初一 (the 29th or 30th of the last month)
            days.Add(newYear);
            days.Add(newYear.AddDays(1));
            days.Add(newYear.AddDays(2));
        }
        if (LunarDate(year, 5, 5) is { } dragonBoat) days.Add(dragonBoat);
        if (LunarDate(year, 8, 15) is { } midAutumn) days.Add(midAutumn);
        return days.ToArray();
    }

    /// <summary>
    /// The Gregorian date of a (non-leap) lunar month and day in the lunar year that starts in the
    /// Gregorian <paramref name="year"/>; null outside the range .NET's lunisolar calendar supports
    /// (1901–2100), where only the solar holidays can be counted.
    /// </summary>
    private static DateOnly? LunarDate(int year, int month, int day)
    {
        if (year <= Lunar.MinSupportedDateTime.Year || year >= Lunar.MaxSupportedDateTime.Year) return null;
        // A leap month takes the next index: with 闰四月 (GetLeapMonth = 5) the fifth month is index 6.
        var leap = Lunar.GetLeapMonth(year);
        var index = leap != 0 && leap <= month ? month + 1 : month;
        return DateOnly.FromDateTime(Lunar.ToDateTime(year, index, day, 0, 0, 0, 0));
    }

    /// <summary>
    /// 清明 (the solar term at 15° ecliptic longitude) by the usual century formula
    /// [Y·0.2422 + C] − [Y/4] with Y the last two digits: C = 4.81 for 2000–2099, 5.59 for 1900–1999.
    /// Exact for these centuries; outside them the term is not computed.
    /// </summary>
    private static DateOnly? QingMing(int year)
    {
        double c;
        if (year is >= 2000 and <= 2099) c = 4.81;
        else if (year is >= 1900 and <= 1999) c = 5.59;
        else return null;
        var y = year % 100;
        var day = (int)Math.Floor(y * 0.2422 + c) - y / 4;
        return new DateOnly(year, 4, day);
    }
}
