using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Clocks;

/// <summary>Clock arithmetic across the 2026 Spring Festival (2/14 make-up Saturday, 2/15–23 off) and 2025 National Day.</summary>
public sealed class HolidayCalendarTests
{
    [Fact]
    public void AcceptanceClock_BeforeSpringFestival_CountsMakeUpSaturdayAndSkipsHolidays()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-02-12").Receive();

        // 2/13 Fri, 2/14 make-up Sat, then 2/24, 2/25, 2/26 after the holidays.
        Assert.Equal(Date("2026-02-26"), harness.State.Clocks.AcceptanceDue);
    }

    [Fact]
    public void Accept_OnEveOfSpringFestival_DueDatesSkipHolidaysAndCountBothMakeUpSaturdays()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-02-13").Receive().Accept();

        Assert.Equal(Date("2026-03-05"), harness.State.Clocks.PromisedDue);   // 2/14, 2/24–27, 2/28, 3/2–3/5
        Assert.Equal(Date("2026-03-19"), harness.State.Clocks.StatutoryDue);
    }

    [Fact]
    public void SupplementPause_OverSpringFestival_MovesDueDateOnlyByPausedWorkingDays()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-02-10").Receive().Accept();
        Assert.Equal(Date("2026-03-02"), harness.State.Clocks.PromisedDue);
        harness.On("2026-02-13");
        harness.Run(new CompleteTask(Actors.Reviewer, harness.TaskAt("review").Id, "supplement", null,
            [new MaterialDeficiency("id-card", DeficiencyKind.Defective, "已过有效期")]));

        harness.On("2026-02-24");
        harness.Run(new Supplement(Actors.Clerk, ["id-card"]));

        // Paused: 2/14 (make-up Saturday) and 2/24; the nine holidays never counted anyway.
        Assert.Equal(2, harness.State.Clocks.PausedWorkingDays);
        Assert.Equal(Date("2026-03-04"), harness.State.Clocks.PromisedDue);
    }

    [Fact]
    public void AcceptanceLapse_OverNationalDay2025_AcceptedOnReceiptDayWithDueDatesAcrossTheHolidays()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2025-09-26").Receive();
        Assert.Equal(Date("2025-10-10"), harness.State.Clocks.AcceptanceDue); // 9/28 make-up Sunday, 9/29, 9/30, 10/9, 10/10

        Assert.Empty(harness.Run(new Tick(TestClock.At("2025-10-10"))).Events);
        harness.Run(new Tick(TestClock.At("2025-10-11")));

        var clocks = harness.State.Clocks;
        Assert.Equal(CaseStatus.InProgress, harness.State.Status);
        Assert.Equal(Date("2025-09-26"), clocks.AcceptedOn);
        Assert.Equal(Date("2025-10-16"), clocks.PromisedDue); // ... 10/10, 10/11 make-up Saturday, 10/13–10/16
    }

    [Fact]
    public void CountFromSameDay_CountsTheAcceptanceDayAsDayOne()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02", clock: new ClockSettings { CountFrom = CountFrom.SameDay })
            .Receive().Accept();

        Assert.Equal(Date("2026-03-13"), harness.State.Clocks.PromisedDue);
    }

    [Fact]
    public void ConfiguredAcceptanceLimit_ReplacesTheStatutoryFiveDays()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02", clock: new ClockSettings { AcceptanceLimit = Duration.WorkingDays(3) })
            .Receive();

        Assert.Equal(Date("2026-03-05"), harness.State.Clocks.AcceptanceDue);
    }
}
