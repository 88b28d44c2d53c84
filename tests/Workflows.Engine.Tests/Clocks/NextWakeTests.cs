using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Execution;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.Clocks;

public sealed class NextWakeTests
{
    private static readonly string[] AllMaterials = ["id-card", "application", "health"];

    private static DateOnly? Wake(CaseHarness harness, string today, ClockSettings? settings = null) =>
        NextWake.Of(harness.State, OfficialCalendar.Calendar, settings, Date(today));

    private static ItemDefinition WithTimer() => Items.Item(
    [
        Intake("publicity"),
        Timer("publicity", 5, "decide"),
        Task("decide", Items.Head, limitDays: 5, next: Workflow.End),
    ]);

    [Fact]
    public void NextWake_WhileReceived_IsTheDayAfterTheAcceptanceDue()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        Assert.Equal(Date("2026-03-09"), harness.State.Clocks.AcceptanceDue);
        Assert.Equal(Date("2026-03-10"), Wake(harness, "2026-03-02"));
    }

    [Fact]
    public void NextWake_ReceivedBeforeSpringFestival_CountsTheMakeUpSaturdayAndSkipsTheHoliday()
    {
        // 2026: 14 Feb (Saturday) is a make-up workday, 15–23 Feb are the Spring Festival holiday.
        var harness = new CaseHarness(Items.Licensing(), today: "2026-02-13").Receive();

        Assert.Equal(Date("2026-02-27"), harness.State.Clocks.AcceptanceDue);
        Assert.Equal(Date("2026-02-28"), Wake(harness, "2026-02-13"));
    }

    [Fact]
    public void NextWake_AfterAcceptance_IsTheFirstWarningDay()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(AllMaterials).Accept();

        // 10 working days promised: 8 of them (80%) are used up on 12 March (see TickTests).
        Assert.Equal(Date("2026-03-12"), Wake(harness, "2026-03-02"));
    }

    [Fact]
    public void NextWake_AcrossNewYear2026_SkipsTheHolidayAndCountsTheMakeUpSunday()
    {
        // 1–3 January 2026 are holidays; Sunday 4 January is a make-up workday.
        var harness = new CaseHarness(Items.Licensing(), today: "2025-12-29").Receive(AllMaterials).Accept();

        // Working days after 29 Dec: 30, 31 Dec, 4, 5, 6, 7, 8 (7 so far), 9 Jan is the 8th.
        Assert.Equal(Date("2026-01-09"), Wake(harness, "2025-12-29"));
    }

    [Fact]
    public void NextWake_WithConfiguredWarningFraction_WakesAtThatFraction()
    {
        var settings = new ClockSettings { WarningAt = 0.5 };
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02", clock: settings).Receive(AllMaterials).Accept();

        Assert.Equal(Date("2026-03-09"), Wake(harness, "2026-03-02", settings));
    }

    [Fact]
    public void NextWake_AfterTheWarnings_IsTheDayAfterTheDueDate()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(AllMaterials).Accept();
        harness.Run(new Tick(TestClock.At("2026-03-12")));

        Assert.Equal(Date("2026-03-17"), Wake(harness, "2026-03-12")); // promised due 16 March
    }

    [Fact]
    public void NextWake_WithADeferredMaterial_IsTheDayAfterItsCatchUpDue()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

        var catchUp = harness.State.Materials["health"].CatchUpDue!.Value;
        Assert.Equal(Date("2026-03-09"), catchUp);
        Assert.Equal(catchUp.AddDays(1), Wake(harness, "2026-03-02"));
    }

    [Fact]
    public void NextWake_WithATimerStep_IsItsWakeDay()
    {
        var harness = new CaseHarness(WithTimer(), today: "2026-03-02").Receive(AllMaterials).Accept();

        Assert.Equal(Date("2026-03-09"), Wake(harness, "2026-03-02"));
    }

    [Fact]
    public void NextWake_ForAPastDay_IsToday()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        Assert.Equal(Date("2026-04-01"), Wake(harness, "2026-04-01"));
    }

    [Fact]
    public void NextWake_WhileSupplementing_IsNull()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();
        harness.Run(new RequestSupplement(Actors.Clerk, [new MaterialDeficiency("application", DeficiencyKind.Defective, "未签字")]));

        Assert.Equal(CaseStatus.Supplementing, harness.State.Status);
        Assert.Null(Wake(harness, "2026-03-02"));
    }

    [Fact]
    public void NextWake_WhileSuspended_IsNull()
    {
        var harness = new CaseHarness(WithTimer(), today: "2026-03-02").Receive(AllMaterials).Accept();
        harness.Run(new Suspend(Actors.Head, "专家评审", ProcedureKind.ExpertReview, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条"));

        Assert.Null(Wake(harness, "2026-03-02"));
    }

    [Fact]
    public void NextWake_ForAClosedCase_IsNull()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();
        harness.Run(new Refuse(Actors.Clerk, ["不属于本机关职权范围"], "市教育局"));

        Assert.True(harness.State.IsClosed);
        Assert.Null(Wake(harness, "2026-03-02"));
    }

    [Fact]
    public void ChinaDay_IsTheCalendarDayInUtcPlus8()
    {
        Assert.Equal(Date("2026-03-10"), NextWake.ChinaDay(new DateTimeOffset(2026, 3, 9, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(Date("2026-03-09"), NextWake.ChinaDay(new DateTimeOffset(2026, 3, 9, 15, 59, 59, TimeSpan.Zero)));
    }

    public static TheoryData<string, string, string> Scenarios => new()
    {
        { "received", "2026-03-02", "" },
        { "received", "2026-02-10", "" },
        { "received", "2025-12-26", "" },
        { "received", "2026-09-28", "" },
        { "accepted", "2026-03-02", "" },
        { "accepted", "2026-04-30", "" },
        { "accepted", "2025-12-29", "0.5" },
        { "deferred", "2026-01-30", "" },
        { "deferred", "2026-09-30", "0.6" },
        { "timer", "2026-02-12", "" },
        { "timer", "2026-10-09", "0.9" },
        { "same-day", "2026-05-06", "" },
    };

    /// <summary>
    /// The property a scheduler relies on: ticking on every day before the next wake changes
    /// nothing, ticking on it changes something, and after that tick the next wake is later.
    /// Followed through the whole life of the case's clocks, across the 2025/2026 holidays.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scenarios))]
    public void NextWake_TickBeforeItChangesNothing_TickOnItChangesSomething(string scenario, string start, string warningAt)
    {
        var settings = new ClockSettings
        {
            WarningAt = warningAt.Length > 0 ? double.Parse(warningAt, System.Globalization.CultureInfo.InvariantCulture) : null,
            CountFrom = scenario == "same-day" ? CountFrom.SameDay : null,
        };
        var harness = new CaseHarness(scenario == "timer" ? WithTimer() : Items.Licensing(), today: start, clock: settings);
        switch (scenario)
        {
            case "received": harness.Receive(); break;
            case "deferred": harness.Receive().Run(new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true)); break;
            default: harness.Receive(AllMaterials).Accept(); break;
        }

        var today = Date(start);
        var wakes = 0;
        while (NextWake.Of(harness.State, OfficialCalendar.Calendar, settings, today) is { } wake)
        {
            Assert.True(wake >= today, $"wake {wake} before today {today}");
            for (var day = today; day < wake; day = day.AddDays(1))
            {
                var quiet = CaseEngine.Execute(harness.State, new Tick(At(day)), harness.Context);
                Assert.True(quiet.Events.Count == 0, $"{scenario} from {start}: a Tick on {day} changed the case before its next wake {wake}");
            }

            var woken = harness.Run(new Tick(At(wake)));
            Assert.True(woken.Events.Count > 0, $"{scenario} from {start}: a Tick on the next wake {wake} changed nothing");
            Assert.Empty(CaseEngine.Execute(harness.State, new Tick(At(wake)), harness.Context).Events);
            today = wake;
            Assert.True(++wakes < 20, "the case kept waking");
        }

        Assert.True(wakes >= 2, $"{scenario} from {start} woke only {wakes} times");
        // Nothing is left to wake for: every alert was raised, and ticking a year later changes nothing.
        Assert.Empty(CaseEngine.Execute(harness.State, new Tick(At(today.AddDays(365))), harness.Context).Events);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8));
}
