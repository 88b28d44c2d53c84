using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Procedures;

/// <summary>
/// 挂起 is not a statutory pause unless a law provides one (中止): it needs the approving head, and
/// without a legal basis the case waits while its statutory clock keeps running.
/// </summary>
public sealed class SuspensionRuleTests
{
    private static CaseHarness InReview() => new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

    [Fact]
    public void Suspend_without_an_approver_is_refused_and_stores_nothing()
    {
        var error = InReview().Reject(new Suspend(Actors.Reviewer, "等待鉴定结果", Basis: "《某法》第一条"));

        Assert.Equal(ErrorCodes.SuspensionNeedsApprover, error.Code);
        Assert.Contains("批准人", error.Message);
    }

    [Fact]
    public void Suspend_without_a_legal_basis_keeps_the_statutory_clock_running()
    {
        var harness = InReview();
        harness.On("2026-03-04");
        harness.Run(new Suspend(Actors.Reviewer, "申请人请求暂缓", Approver: "局长 陈某"));

        Assert.Equal(CaseStatus.Suspended, harness.State.Status);
        Assert.True(harness.State.ActiveSuspension!.Counted);
        Assert.Null(harness.State.Clocks.OpenPause);

        harness.On("2026-03-11");
        harness.Run(new Resume(Actors.Reviewer));

        Assert.Empty(harness.State.Clocks.Pauses);
        Assert.Equal(Date("2026-03-16"), harness.State.Clocks.PromisedDue);
        Assert.Equal(Date("2026-03-30"), harness.State.Clocks.StatutoryDue);
    }

    [Fact]
    public void Suspend_with_a_legal_basis_and_approver_stops_the_clock_and_records_both()
    {
        var harness = InReview();
        harness.On("2026-03-04");
        harness.Run(new Suspend(Actors.Reviewer, "涉及的刑事案件尚未审结", Approver: "局长 陈某", Basis: "《某条例》第二十条"));

        var suspension = harness.State.ActiveSuspension!;
        Assert.False(suspension.Counted);
        Assert.Equal(("局长 陈某", "《某条例》第二十条"), (suspension.Approver, suspension.Basis));

        harness.On("2026-03-11");
        harness.Run(new Resume(Actors.Reviewer));

        Assert.Equal(5, Assert.Single(harness.State.Clocks.Pauses).WorkingDays);
        Assert.Equal(Date("2026-03-23"), harness.State.Clocks.PromisedDue);
    }

    [Fact]
    public void A_suspension_without_legal_basis_still_raises_the_overdue_alert_and_wakes_for_it()
    {
        var harness = InReview();
        harness.Run(new Suspend(Actors.Reviewer, "申请人请求暂缓", Approver: "局长 陈某"));

        // The scheduler wakes the case on the same days as if it were not suspended (no timers here).
        var running = InReview();
        Assert.Equal(NextWake.Of(running.State, running.Context.Calendar, null, Date("2026-03-02")),
            NextWake.Of(harness.State, harness.Context.Calendar, null, Date("2026-03-02")));
        harness.Run(new Tick(TestClock.At("2026-03-17")));

        Assert.Contains(harness.State.Alerts, a => a.Kind == AlertKind.Overdue && a.Subject == "case:promised");
        Assert.Equal(DeadlineLevel.Overdue, DeadlineLevels.OfCase(harness.State, harness.Context.Calendar, 0.8, Date("2026-03-17")));
    }
}
