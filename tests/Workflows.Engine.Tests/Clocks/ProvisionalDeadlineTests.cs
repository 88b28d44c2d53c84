using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Domain.Tests;
using Workflows.Engine.Clocks;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Clocks;

/// <summary>Due dates counted through a year without a published schedule are 暂定 and move when it is published (DOMAIN.md §5).</summary>
public sealed class ProvisionalDeadlineTests
{
    /// <summary>
    /// A made-up 2027 schedule for these tests only (the real one had not been published on
    /// 2026-12-07): 元旦 1/1–3, 春节 2/5–13, make-up Sunday 1/31 and Saturday 2/20.
    /// </summary>
    private static readonly CalendarYear Test2027 = new(2027,
        [.. Range("2027-01-01", "2027-01-03"), .. Range("2027-02-05", "2027-02-13")],
        [Date("2027-01-31"), Date("2027-02-20")]);

    private static readonly WorkingCalendar With2027 = new([OfficialSchedules.Year2025, OfficialSchedules.Year2026, Test2027]);

    [Fact]
    public void Accept_BeforeNewYear_CountsTheStatutoryNewYearHolidayAndMarksTheDatesProvisional()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-12-24").Receive().Accept();

        var clocks = harness.State.Clocks;
        Assert.Equal(Date("2027-01-08"), clocks.PromisedDue); // 元旦 Fri 2027-01-01 is not a working day
        Assert.Equal(Date("2027-01-22"), clocks.StatutoryDue);
        Assert.True(clocks.DecisionDueProvisional);
        Assert.False(clocks.AcceptanceDueProvisional); // received 12-24: the acceptance due date is inside 2026
        Assert.True(harness.TaskAt("review").DueProvisional);
        var accepted = Assert.Single(harness.Log.OfType<CaseAccepted>());
        Assert.True(accepted.DueProvisional);
    }

    [Fact]
    public void Accept_InsideAPublishedYear_IsNotProvisional()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

        Assert.False(harness.State.Clocks.DecisionDueProvisional);
        Assert.False(harness.TaskAt("review").DueProvisional);
    }

    [Fact]
    public void Recompute_AfterTheScheduleIsPublished_MovesTheProvisionalDatesAndRecordsIt()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2027-01-25").Receive().Accept();
        // Statutory only: 除夕 2/5 and 初三 2/8 fall on working days, so 10 working days end on 2/10.
        Assert.Equal(Date("2027-02-10"), harness.State.Clocks.PromisedDue);
        Assert.True(harness.State.Clocks.DecisionDueProvisional);

        harness.On("2027-01-27");
        harness.Publish(With2027);
        harness.Run(new RecomputeDeadlines([2027]));

        var recomputed = Assert.IsType<DeadlinesRecomputed>(harness.Log[^1]);
        Assert.Equal([2027], recomputed.PublishedYears);
        var clocks = harness.State.Clocks;
        // Published: make-up Sunday 1/31 counts, 2/5–13 do not, so the tenth working day is Mon 2/15.
        Assert.Equal(Date("2027-02-15"), clocks.PromisedDue);
        Assert.False(clocks.DecisionDueProvisional);
        Assert.Equal(Date("2027-02-15"), harness.TaskAt("review").Due);
        Assert.False(harness.TaskAt("review").DueProvisional);
        Assert.Equal(harness.State.Clocks.PromisedDue, With2027.AddWorkingDays(Date("2027-01-25"), 10));
    }

    [Fact]
    public void Recompute_WhenTheDateDoesNotMove_StillClearsTheProvisionalMark()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-12-24").Receive().Accept();
        harness.Publish(With2027);

        harness.Run(new RecomputeDeadlines([2027]));

        Assert.Equal(Date("2027-01-22"), harness.State.Clocks.StatutoryDue);
        Assert.False(harness.State.Clocks.DecisionDueProvisional);
        Assert.IsType<DeadlinesRecomputed>(harness.Log[^1]);
    }

    [Fact]
    public void Recompute_WithNothingProvisional_RecordsNothing()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();
        harness.Publish(With2027);
        var before = harness.Log.Count;

        var result = harness.Run(new RecomputeDeadlines([2027]));

        Assert.Empty(result.Events);
        Assert.Equal(before, harness.Log.Count);
    }

    [Fact]
    public void Recompute_WithoutYears_FindsTheYearsNowPublished_AndIsIdempotent()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2027-01-25").Receive().Accept();
        harness.Publish(With2027);

        harness.Run(new RecomputeDeadlines());
        var second = harness.Run(new RecomputeDeadlines());

        Assert.Equal([2027], Assert.Single(harness.Log.OfType<DeadlinesRecomputed>()).PublishedYears);
        Assert.Equal(Date("2027-02-15"), harness.State.Clocks.PromisedDue);
        Assert.Empty(second.Events);
    }

    [Fact]
    public void Recompute_WithoutYears_BeforeAnyPublication_RecordsNothing()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2027-01-25").Receive().Accept();

        Assert.Empty(harness.Run(new RecomputeDeadlines()).Events);
        Assert.True(harness.State.Clocks.DecisionDueProvisional);
    }

    [Fact]
    public void Recompute_NamingAYearTheCalendarDoesNotHave_IsRefusedAndStoresNothing()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-12-24").Receive().Accept();

        Assert.Equal(ErrorCodes.InvalidArgument, harness.Reject(new RecomputeDeadlines([2027])).Code);
    }

    [Theory]
    [InlineData("2026-09-24", 1, "2026-09-28")] // 9/25 is 中秋: the period ends on the next working day
    [InlineData("2026-09-23", 1, "2026-09-24")]
    [InlineData("2026-02-13", 2, "2026-02-24")] // Sun 2/15 in the Spring Festival week
    public void CalendarDayLimit_EndingOnAHoliday_MovesToTheNextWorkingDay(string start, int days, string expected) =>
        Assert.Equal(Date(expected), new Deadlines(OfficialCalendar.Calendar, null).Due(Date(start), new Duration(days, DurationUnit.CalendarDays)));

    private static DateOnly[] Range(string from, string to)
    {
        var first = Date(from);
        return [.. Enumerable.Range(0, Date(to).DayNumber - first.DayNumber + 1).Select(first.AddDays)];
    }
}
