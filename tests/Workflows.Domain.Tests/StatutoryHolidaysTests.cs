using static Workflows.Domain.Tests.OfficialSchedules;

namespace Workflows.Domain.Tests;

public class StatutoryHolidaysTests
{
    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    public void EveryStatutoryHoliday_IsAHolidayOfThePublishedSchedule(int year)
    {
        // The published schedules add 调休 around the statutory days but never drop one, so the
        // lunar and solar-term arithmetic must land inside them.
        var published = (year == 2025 ? Year2025 : Year2026).Holidays.ToHashSet();
        var statutory = StatutoryHolidays.Of(year);
        Assert.Equal(13, statutory.Count);
        Assert.All(statutory, day => Assert.Contains(day, published));
    }

    [Fact]
    public void Year2027_HasTheLunarAndSolarTermDates()
    {
        Assert.Equal(
            [
                Date("2027-01-01"),
                Date("2027-02-05"), Date("2027-02-06"), Date("2027-02-07"), Date("2027-02-08"), // 除夕, 正月初一–初三
                Date("2027-04-05"), // 清明
                Date("2027-05-01"), Date("2027-05-02"),
                Date("2027-06-09"), // 端午
                Date("2027-09-15"), // 中秋
                Date("2027-10-01"), Date("2027-10-02"), Date("2027-10-03"),
            ],
            StatutoryHolidays.Of(2027));
    }

    [Theory]
    [InlineData("2024-04-04", true)] // 清明 2024 is 4/4, 2028 4/4
    [InlineData("2025-02-04", false)] // 正月初七 2025: inside the published week, not statutory
    [InlineData("2024-04-05", false)]
    [InlineData("2028-04-04", true)]
    [InlineData("2023-06-22", true)] // 端午 2023 after 闰二月
    [InlineData("2023-09-29", true)] // 中秋 2023
    [InlineData("2020-06-25", true)] // 端午 2020 after 闰四月
    public void Contains_KnownDates(string day, bool expected) =>
        Assert.Equal(expected, StatutoryHolidays.Contains(Date(day)));
}
