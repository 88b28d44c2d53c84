using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Acceptance;

/// <summary>容缺 bounds are the office's settings (office.yaml clock.deferral-margin / deferral-max), not code.</summary>
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

        Assert.Equal(ErrorCodes.DeferralNotAllowed,
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
}
