using Workflows.Domain;

namespace Workflows.Engine.Tests.Support;

/// <summary>The 2025 and 2026 State Council schedules (DOMAIN.md §5), as the calendar files state them.</summary>
internal static class OfficialCalendar
{
    public static WorkingCalendar Calendar { get; } = new([
        new CalendarYear(2025,
            Days(2025, "1/1", "1/28-2/4", "4/4-4/6", "5/1-5/5", "5/31-6/2", "10/1-10/8"),
            Days(2025, "1/26", "2/8", "4/27", "9/28", "10/11")),
        new CalendarYear(2026,
            Days(2026, "1/1-1/3", "2/15-2/23", "4/4-4/6", "5/1-5/5", "6/19-6/21", "9/25-9/27", "10/1-10/7"),
            Days(2026, "1/4", "2/14", "2/28", "5/9", "9/20", "10/10")),
    ]);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    private static DateOnly[] Days(int year, params string[] entries) =>
        entries.SelectMany(entry =>
        {
            var ends = entry.Split('-');
            var first = MonthDay(year, ends[0]);
            var last = MonthDay(year, ends[^1]);
            return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays);
        }).ToArray();

    private static DateOnly MonthDay(int year, string monthDay)
    {
        var parts = monthDay.Split('/');
        return new DateOnly(year, int.Parse(parts[0]), int.Parse(parts[1]));
    }
}
