using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Acceptance;

/// <summary>容缺 bounds are the office's settings (office.yaml clock.deferral-min / deferral-margin / deferral-max), not code.</summary>
public sealed class DeferralSettingsTests
{
    // Received and accepted Mon 2026-03-02: promised 10 working days → Mon 2026-03-16.
    private static CaseHarness Received(ClockSettings? clock) =>
        new CaseHarness(Items.Licensing(), today: "2026-03-02", clock: clock).Receive();

    [Fact]
    public void CatchUp_WithoutSettings_MayReachThePromisedDueDate()
    {
        var harness = Received(null);

        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-16"), PledgeSigned: true));

        Assert.Equal(Date("2026-03-16"), harness.State.Materials["health"].CatchUpDue);
    }

    [Fact]
    public void CatchUp_WithAMargin_MustEndThatManyWorkingDaysBeforeThePromisedDueDate()
    {
        var clock = new ClockSettings { DeferralMargin = Duration.WorkingDays(2) };

        Assert.Equal(ErrorCodes.DeferralDeadlineOutOfBounds,
            Received(clock).Reject(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-13"), PledgeSigned: true)).Code);
        var harness = Received(clock);
        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-12"), PledgeSigned: true));
        Assert.Equal(Date("2026-03-12"), harness.State.Materials["health"].CatchUpDue);
    }

    [Fact]
    public void CatchUp_ByDefault_IsCappedByTheOfficesMaximum()
    {
        // The material allows 5 working days (3/9); the office allows 3 (3/5).
        var harness = Received(new ClockSettings { DeferralMax = Duration.WorkingDays(3) });

        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true));

        Assert.Equal(Date("2026-03-05"), harness.State.Materials["health"].CatchUpDue);
    }

    [Fact]
    public void CatchUp_BeforeTheOfficesShortestPeriod_IsRefused_AndNothingIsStored()
    {
        // deferral-min 3wd from Mon 3/2: not before Thu 3/5.
        var clock = new ClockSettings { DeferralMin = Duration.WorkingDays(3) };

        var error = Received(clock).Reject(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-04"), PledgeSigned: true));

        Assert.Equal(ErrorCodes.DeferralDeadlineOutOfBounds, error.Code);
        Assert.Contains("2026-03-05", error.Message);
        var harness = Received(clock);
        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-05"), PledgeSigned: true));
        Assert.Equal(Date("2026-03-05"), harness.State.Materials["health"].CatchUpDue);
    }

    [Fact]
    public void CatchUp_InThePast_IsRefusedWithTheBoundsCode()
    {
        Assert.Equal(ErrorCodes.DeferralDeadlineOutOfBounds,
            Received(null).Reject(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-01"), PledgeSigned: true)).Code);
    }

    [Fact]
    public void CatchUp_ByDefault_IsRaisedToTheOfficesShortestPeriod()
    {
        // The material allows 5 working days (3/9); the office wants at least 8 (3/12).
        var harness = Received(new ClockSettings { DeferralMin = Duration.WorkingDays(8) });

        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true));

        Assert.Equal(Date("2026-03-12"), harness.State.Materials["health"].CatchUpDue);
    }

    [Fact]
    public void Bounds_ThatLeaveNoDate_RefuseTheDeferral()
    {
        // At least 9 working days, but 2 before the promised 3/16 means at most 3/12 (8 working days).
        var clock = new ClockSettings { DeferralMin = Duration.WorkingDays(9), DeferralMargin = Duration.WorkingDays(2) };

        var error = Received(clock).Reject(new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true));

        Assert.Equal(ErrorCodes.DeferralDeadlineOutOfBounds, error.Code);
        Assert.Contains("没有可选的补交期限", error.Message);
    }
}
