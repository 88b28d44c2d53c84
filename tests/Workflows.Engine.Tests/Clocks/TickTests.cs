using Workflows.Engine.Intents;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Ports;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Clocks;

public sealed class TickTests
{
    [Fact]
    public void Tick_OnLastDayOfAcceptanceClock_DoesNothing()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        Assert.Equal(2, RemainingWorkingDays.Of(harness.State, OfficialCalendar.Calendar, Date("2026-03-05")).Acceptance);
        var result = harness.Run(new Tick(TestClock.At("2026-03-09")));

        Assert.Empty(result.Events);
        Assert.Equal(CaseStatus.Received, harness.State.Status);
        Assert.Equal(1, harness.State.Version);
    }

    [Fact]
    public void Tick_AfterAcceptanceClockLapses_CaseCountsAsAcceptedOnReceiptDay()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        harness.Run(new Tick(TestClock.At("2026-03-10")));

        var clocks = harness.State.Clocks;
        Assert.Equal(CaseStatus.InProgress, harness.State.Status);
        Assert.True(clocks.AcceptanceLapsed);
        Assert.Equal(Date("2026-03-02"), clocks.AcceptedOn);
        Assert.Equal(Date("2026-03-16"), clocks.PromisedDue);
        Assert.Equal(Date("2026-03-30"), clocks.StatutoryDue);
        Assert.NotNull(harness.TaskAt("review"));
    }

    [Fact]
    public void Tick_AcceptanceClockLapsingAfterASupplement_CountsAsAcceptedOnTheResubmissionDay()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(received: ["id-card"]);
        harness.On("2026-03-03");
        harness.Run(new RequestSupplement(Actors.Clerk, [new MaterialDeficiency("application", DeficiencyKind.Missing, "须本人签字")]));
        harness.On("2026-03-06");
        harness.Run(new Supplement(Actors.Clerk, ["application"])); // the acceptance clock restarts: due 3/13

        harness.Run(new Tick(TestClock.At("2026-03-16")));

        var clocks = harness.State.Clocks;
        Assert.True(clocks.AcceptanceLapsed);
        Assert.Equal(Date("2026-03-06"), clocks.AcceptedOn); // not the first receipt on 3/2
        Assert.Equal(Date("2026-03-20"), clocks.PromisedDue);
    }

    private static readonly string[] AllMaterials = ["id-card", "application", "health"];

    [Fact]
    public void Tick_AtWarningFraction_WarnsOnceForCaseAndTask()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(AllMaterials).Accept();

        Assert.Empty(harness.Run(new Tick(TestClock.At("2026-03-11"))).Events); // 7 of 10 days used
        harness.Run(new Tick(TestClock.At("2026-03-12")));                      // 8 of 10: 80%

        var warnings = harness.State.Alerts.Where(a => a.Kind == AlertKind.Warning).Select(a => a.Subject).Order().ToList();
        Assert.Equal(["case:promised", "task:t1"], warnings);
        Assert.Equal(2, harness.Notifier.Sent.Count(n => n.Kind == NotificationKind.Warning));
        Assert.Empty(harness.Run(new Tick(TestClock.At("2026-03-13"))).Events);
    }

    [Fact]
    public void Tick_WithConfiguredWarningFraction_WarnsAtThatFraction()
    {
        var settings = new ClockSettings { WarningAt = 0.5 };
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02", clock: settings).Receive(AllMaterials).Accept();

        Assert.Empty(harness.Run(new Tick(TestClock.At("2026-03-06"))).Events); // 4 of 10
        harness.Run(new Tick(TestClock.At("2026-03-09")));                      // 5 of 10

        Assert.Contains(harness.State.Alerts, a => a is { Kind: AlertKind.Warning, Subject: "case:promised" });
    }

    [Fact]
    public void Tick_AfterDueDate_MarksOverdueOnce()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

        var onDueDay = harness.Run(new Tick(TestClock.At("2026-03-16"))).Events.OfType<Events.DeadlineAlertRaised>();
        Assert.DoesNotContain(onDueDay, e => e.Kind == AlertKind.Overdue && e.Subject != "material:health");
        harness.Run(new Tick(TestClock.At("2026-03-17")));

        var overdue = harness.State.Alerts.Where(a => a.Kind == AlertKind.Overdue).Select(a => a.Subject).Order().ToList();
        Assert.Equal(["case:promised", "material:health", "task:t1"], overdue);
        Assert.Empty(harness.Run(new Tick(TestClock.At("2026-03-18"))).Events);
        Assert.Contains(harness.Notifier.Sent, n => n.Kind == NotificationKind.Overdue && n.TaskId == "t1");
    }

    [Fact]
    public void Tick_WhileSuspended_RaisesNothing()
    {
        // Every material in hand: a 容缺 catch-up date is the applicant's and runs on (DeferralOverdueTests).
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(["id-card", "application", "health"]).Accept();
        harness.Run(new Suspend(Actors.Reviewer, "专家评审", ProcedureKind.ExpertReview, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条"));

        Assert.Empty(harness.Run(new Tick(TestClock.At("2026-04-20"))).Events);
    }

    [Fact]
    public void RemainingWorkingDays_CountsDownForCaseAndTask_AndGoesNegativeWhenOverdue()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

        var onTwelfth = RemainingWorkingDays.Of(harness.State, OfficialCalendar.Calendar, Date("2026-03-12"));
        Assert.Equal(2, onTwelfth.Promised);
        Assert.Equal(12, onTwelfth.Statutory);
        Assert.Equal(2, onTwelfth.Tasks["t1"]);
        Assert.False(onTwelfth.Paused);

        var late = RemainingWorkingDays.Of(harness.State, OfficialCalendar.Calendar, Date("2026-03-18"));
        Assert.Equal(-2, late.Promised);
    }
}
