using static Workflows.Domain.Tests.OfficialSchedules;

namespace Workflows.Domain.Tests;

public class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = OfficialSchedules.Calendar;

    [Theory]
    [InlineData("2026-02-13", 3, "2026-02-25")] // Sat 2/14 is a make-up workday, 2/15–23 Spring Festival
    [InlineData("2026-02-13", 1, "2026-02-14")]
    [InlineData("2026-02-14", 1, "2026-02-24")]
    [InlineData("2026-02-27", 1, "2026-02-28")] // Sat 2/28 make-up
    [InlineData("2025-01-24", 1, "2025-01-26")] // Sun 1/26 make-up before the 2025 Spring Festival
    [InlineData("2025-01-26", 1, "2025-01-27")]
    [InlineData("2025-01-27", 1, "2025-02-05")] // 1/28–2/4 holidays
    [InlineData("2025-02-07", 1, "2025-02-08")] // Sat 2/8 make-up
    public void AddWorkingDays_AcrossSpringFestival_SkipsHolidaysAndCountsMakeUpDays(string start, int n, string expected) =>
        Assert.Equal(Date(expected), Calendar.AddWorkingDays(Date(start), n));

    [Theory]
    [InlineData("2025-09-26", 1, "2025-09-28")] // Sun 9/28 make-up
    [InlineData("2025-09-30", 1, "2025-10-09")] // 10/1–8 National Day and Mid-Autumn
    [InlineData("2025-10-10", 1, "2025-10-11")] // Sat 10/11 make-up
    [InlineData("2025-09-30", 5, "2025-10-14")]
    [InlineData("2026-09-18", 1, "2026-09-20")] // Sun 9/20 make-up
    [InlineData("2026-09-24", 1, "2026-09-28")] // 9/25–27 Mid-Autumn
    [InlineData("2026-09-30", 1, "2026-10-08")] // 10/1–7 National Day
    [InlineData("2026-10-09", 1, "2026-10-10")] // Sat 10/10 make-up
    public void AddWorkingDays_AcrossNationalDay_SkipsHolidaysAndCountsMakeUpDays(string start, int n, string expected) =>
        Assert.Equal(Date(expected), Calendar.AddWorkingDays(Date(start), n));

    [Theory]
    [InlineData("2025-12-31", 1, "2026-01-04")] // 1/1–3 holidays, Sun 1/4 make-up
    [InlineData("2025-12-31", 2, "2026-01-05")]
    [InlineData("2026-12-31", 1, "2027-01-04")] // 2027 has no schedule yet: 元旦 Fri 1/1 is still a holiday
    public void AddWorkingDays_AcrossTheYearBoundary_UsesNextYearsSchedule(string start, int n, string expected) =>
        Assert.Equal(Date(expected), Calendar.AddWorkingDays(Date(start), n));

    [Theory]
    [InlineData("2026-02-18")] // a holiday
    [InlineData("2026-02-14")] // a make-up Saturday
    [InlineData("2026-03-02")] // an ordinary Monday
    public void AddWorkingDays_Zero_ReturnsTheStartUnchanged(string start) =>
        Assert.Equal(Date(start), Calendar.AddWorkingDays(Date(start), 0));

    [Theory]
    [InlineData("2026-02-25", -3, "2026-02-13")]
    [InlineData("2026-02-24", -1, "2026-02-14")]
    [InlineData("2026-01-05", -1, "2026-01-04")]
    [InlineData("2026-01-04", -1, "2025-12-31")]
    [InlineData("2025-10-09", -1, "2025-09-30")]
    public void AddWorkingDays_Negative_CountsBackwardsFromThePreviousDay(string start, int n, string expected) =>
        Assert.Equal(Date(expected), Calendar.AddWorkingDays(Date(start), n));

    [Fact]
    public void WorkingDaysBetween_OfAddWorkingDays_GivesBackN_ForEveryStartIn2026()
    {
        for (var start = Date("2026-01-01"); start.Year == 2026; start = start.AddDays(1))
        {
            for (var n = 1; n <= 30; n++)
            {
                var end = Calendar.AddWorkingDays(start, n);
                Assert.Equal(n, Calendar.WorkingDaysBetween(start, end));
            }
        }
    }

    [Fact]
    public void WorkingDaysBetween_OfNegativeAddWorkingDays_GivesBackMinusN_FromWorkingDays()
    {
        // Counting backwards skips the start while (to, from] includes it, so the identity holds
        // exactly when the start is itself a working day.
        for (var start = Date("2025-01-01"); start.Year <= 2026; start = start.AddDays(1))
        {
            if (!Calendar.IsWorkingDay(start))
            {
                continue;
            }

            for (var n = 1; n <= 30; n++)
            {
                Assert.Equal(-n, Calendar.WorkingDaysBetween(start, Calendar.AddWorkingDays(start, -n)));
            }
        }
    }

    [Fact]
    public void WorkingDaysBetween_MatchesADayByDayCount_OverRangesSpanningBothYears()
    {
        var days = Enumerable.Range(0, 800).Select(offset => Date("2024-11-15").AddDays(offset)).ToArray();
        var random = new Random(20260213);
        for (var trial = 0; trial < 2000; trial++)
        {
            var from = days[random.Next(days.Length)];
            var to = days[random.Next(days.Length)];
            var (low, high) = from <= to ? (from, to) : (to, from);
            var dayByDay = days.Count(day => day > low && day <= high && Calendar.IsWorkingDay(day));

            Assert.Equal(from <= to ? dayByDay : -dayByDay, Calendar.WorkingDaysBetween(from, to));
        }
    }

    [Fact]
    public void WorkingDaysBetween_SameDay_IsZero() =>
        Assert.Equal(0, Calendar.WorkingDaysBetween(Date("2026-02-18"), Date("2026-02-18")));

    [Fact]
    public void WorkingDaysBetween_OverAHolidayWeek_CountsOnlyWorkingDays()
    {
        Assert.Equal(3, Calendar.WorkingDaysBetween(Date("2026-02-13"), Date("2026-02-25")));
        Assert.Equal(-3, Calendar.WorkingDaysBetween(Date("2026-02-25"), Date("2026-02-13")));
        Assert.Equal(0, Calendar.WorkingDaysBetween(Date("2025-10-01"), Date("2025-10-08")));
    }

    [Theory]
    [InlineData("2025-01-26", true)] // make-up Sunday
    [InlineData("2025-01-29", false)] // Spring Festival Wednesday
    [InlineData("2026-10-10", true)] // make-up Saturday
    [InlineData("2026-06-19", false)] // Dragon Boat Friday
    [InlineData("2026-06-22", true)] // ordinary Monday
    [InlineData("2026-06-20", false)] // ordinary Saturday
    [InlineData("2030-10-01", false)] // uncovered year: 国庆 Tuesday is a statutory holiday
    [InlineData("2030-10-04", true)] // uncovered year: Friday after the three statutory days (no 调休 is guessed)
    [InlineData("2030-10-05", false)] // uncovered year: Saturday
    public void IsWorkingDay_FollowsTheSchedule(string day, bool expected) =>
        Assert.Equal(expected, Calendar.IsWorkingDay(Date(day)));

    [Fact]
    public void Covers_OnlyYearsWithASchedule()
    {
        Assert.True(Calendar.Covers(Date("2025-06-01")));
        Assert.True(Calendar.Covers(Date("2026-12-31")));
        Assert.False(Calendar.Covers(Date("2027-01-01")));
        Assert.Equal([2025, 2026], Calendar.Years);
    }

    [Fact]
    public void Years_AreSortedWhateverTheInputOrder() =>
        Assert.Equal([2025, 2026], new WorkingCalendar([Year2026, Year2025]).Years);

    [Fact]
    public void Constructor_DuplicateYear_Throws() =>
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([Year2026, Year2026]));

    [Fact]
    public void Constructor_DayThatIsBothHolidayAndMakeUp_Throws()
    {
        var day = Date("2027-01-02");
        Assert.Throws<ArgumentException>(() => new WorkingCalendar([new CalendarYear(2027, [day], [day])]));
    }

    [Fact]
    public void EmptyCalendar_CountsOnlyTheStatutoryHolidays()
    {
        var calendar = new WorkingCalendar([]);
        Assert.Empty(calendar.Years);
        // 除夕 Mon 2/16 and 初一–初三 2/17–19 are statutory; the published week off (2/15–23) is not guessed.
        Assert.Equal(Date("2026-02-20"), calendar.AddWorkingDays(Date("2026-02-13"), 1));
        Assert.Equal(1, calendar.WorkingDaysBetween(Date("2026-02-13"), Date("2026-02-20")));
        Assert.True(calendar.IsProvisional(Date("2026-02-20")));
    }

    [Fact]
    public void IsProvisional_WhenCountingPassesAYearWithoutSchedule()
    {
        Assert.False(Calendar.IsProvisional(Date("2026-12-31")));
        Assert.True(Calendar.IsProvisional(Date("2027-01-04")));
        Assert.False(Calendar.IsProvisional(Date("2025-03-01"), Date("2026-12-31")));
        Assert.True(Calendar.IsProvisional(Date("2026-12-30"), Date("2027-01-04")));
        Assert.True(Calendar.IsProvisional(Date("2027-01-04"), Date("2026-12-30")));
    }

    [Fact]
    public void WorkingDaysBetween_MatchesADayByDayCount_InYearsWithoutSchedule()
    {
        var days = Enumerable.Range(0, 900).Select(offset => Date("2026-10-01").AddDays(offset)).ToArray();
        var random = new Random(20261207);
        for (var trial = 0; trial < 2000; trial++)
        {
            var from = days[random.Next(days.Length)];
            var to = days[random.Next(days.Length)];
            var (low, high) = from <= to ? (from, to) : (to, from);
            var dayByDay = days.Count(day => day > low && day <= high && Calendar.IsWorkingDay(day));

            Assert.Equal(from <= to ? dayByDay : -dayByDay, Calendar.WorkingDaysBetween(from, to));
        }
    }

    [Fact]
    public void Without_ForgetsAPublishedYear_AndFallsBackToTheStatutoryHolidays()
    {
        var before = Calendar.Without([2026]);
        Assert.Equal([2025], before.Years);
        Assert.True(before.IsWorkingDay(Date("2026-02-20"))); // published holiday, not statutory
        Assert.False(Calendar.IsWorkingDay(Date("2026-02-20")));
        Assert.False(before.IsWorkingDay(Date("2026-02-17"))); // 正月初一
    }
}
