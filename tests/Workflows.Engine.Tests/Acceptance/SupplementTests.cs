using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Acceptance;

public sealed class SupplementTests
{
    private static readonly MaterialDeficiency MissingApplication = new("application", DeficiencyKind.Missing, "须本人签字");
    private static readonly MaterialDeficiency BlurredIdCard = new("id-card", DeficiencyKind.Defective, "复印件不清晰");

    [Fact]
    public void RequestSupplement_BeforeAcceptance_ListsEveryDeficiencyAndStopsAcceptanceClock()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(received: ["id-card"]);
        harness.On("2026-03-03");

        harness.Run(new RequestSupplement(Actors.Clerk, [MissingApplication, BlurredIdCard]));

        var state = harness.State;
        Assert.Equal(CaseStatus.Supplementing, state.Status);
        Assert.Equal(2, state.OpenSupplement!.Deficiencies.Count);
        Assert.True(state.OpenSupplement.BeforeAcceptance);
        Assert.Equal(MaterialStatus.Defective, state.Materials["id-card"].Status);
        Assert.Equal(Date("2026-03-03"), state.Clocks.OpenPause!.From);

        // The notice was given in time: the acceptance clock cannot lapse while the applicant fixes things.
        harness.Run(new Tick(TestClock.At("2026-03-20")));
        Assert.Equal(CaseStatus.Supplementing, harness.State.Status);
    }

    [Fact]
    public void RequestSupplement_ASecondTime_IsFlaggedAsBreakingTheOneTimeNotice()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(received: ["id-card"]);
        harness.Run(new RequestSupplement(Actors.Clerk, [MissingApplication]));
        Assert.False(Assert.IsType<SupplementRequested>(harness.Log[^1]).RepeatsOneTimeNotice);
        harness.On("2026-03-04");
        harness.Run(new Supplement(Actors.Clerk, ["application"]));

        harness.Run(new RequestSupplement(Actors.Clerk, [BlurredIdCard]));

        Assert.True(Assert.IsType<SupplementRequested>(harness.Log[^1]).RepeatsOneTimeNotice);
        Assert.Equal(1, harness.State.RepeatedSupplementNotices);
    }

    [Fact]
    public void RequestSupplement_OmittingAMissingRequiredMaterial_IsRejectedAsIncompleteOneTimeNotice()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive(received: []);

        var error = harness.Reject(new RequestSupplement(Actors.Clerk, [MissingApplication]));

        Assert.Equal(ErrorCodes.OneTimeNoticeIncomplete, error.Code);
        Assert.Contains("居民身份证", error.Message);
    }

    [Fact]
    public void RequestSupplement_WithNoMaterials_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive(received: ["id-card"]);

        Assert.Equal(ErrorCodes.OneTimeNoticeIncomplete, harness.Reject(new RequestSupplement(Actors.Clerk, [])).Code);
    }

    [Fact]
    public void Supplement_MissingAListedMaterial_IsRejectedAsIncomplete()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive(received: ["id-card"]);
        harness.Run(new RequestSupplement(Actors.Clerk, [MissingApplication, BlurredIdCard]));

        var error = harness.Reject(new Supplement(Actors.Clerk, ["application"]));

        Assert.Equal(ErrorCodes.SupplementIncomplete, error.Code);
        Assert.Contains("居民身份证", error.Message);
    }

    [Fact]
    public void Supplement_BeforeAcceptance_RestartsAcceptanceClockFromCompleteMaterials()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(received: ["id-card"]);
        harness.Run(new RequestSupplement(Actors.Clerk, [MissingApplication]));
        harness.On("2026-03-10");

        harness.Run(new Supplement(Actors.Clerk, ["application"]));

        var state = harness.State;
        Assert.Equal(CaseStatus.Received, state.Status);
        Assert.Null(state.OpenSupplement);
        Assert.Equal(Date("2026-03-10"), Assert.Single(state.SupplementHistory).SupplementedOn);
        Assert.Equal(Date("2026-03-17"), state.Clocks.AcceptanceDue);
        Assert.Equal(MaterialStatus.Received, state.Materials["application"].Status);
        harness.Accept();
        Assert.Equal(Date("2026-03-10"), harness.State.Clocks.AcceptedOn);
    }

    [Fact]
    public void SupplementRoundTrip_RequestedByReviewer_PausesClockAndMovesDueDatesByPausedWorkingDays()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();
        harness.On("2026-03-04");
        var review = harness.TaskAt("review");

        harness.Run(new CompleteTask(Actors.Reviewer, review.Id, "supplement", "申请表未签字",
            [new MaterialDeficiency("application", DeficiencyKind.Defective, "申请人未签字")]));

        Assert.Equal(CaseStatus.Supplementing, harness.State.Status);
        Assert.Equal("intake", Assert.Single(harness.State.Tokens).StepId);
        Assert.False(harness.State.OpenSupplement!.BeforeAcceptance);
        Assert.Equal(Date("2026-03-16"), harness.State.Clocks.PromisedDue);
        // While paused the remaining days stand still.
        Assert.Equal(8, RemainingWorkingDays.Of(harness.State, OfficialCalendar.Calendar, Date("2026-03-06")).Promised);

        harness.On("2026-03-09"); // Thu, Fri, Mon do not count: 3 working days
        harness.Run(new Supplement(Actors.Clerk, ["application"]));

        var state = harness.State;
        Assert.Equal(CaseStatus.InProgress, state.Status);
        Assert.Equal(3, state.Clocks.PausedWorkingDays);
        Assert.Equal(Date("2026-03-19"), state.Clocks.PromisedDue);
        Assert.Equal(Date("2026-04-02"), state.Clocks.StatutoryDue);
        var second = harness.TaskAt("review");
        Assert.NotEqual(review.Id, second.Id);
        Assert.Equal(Date("2026-03-23"), second.Due);
        Assert.Equal(8, RemainingWorkingDays.Of(state, OfficialCalendar.Calendar, Date("2026-03-09")).Promised);
    }

    [Fact]
    public void CompleteTask_SupplementOutcomeWithoutNotice_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();

        var error = harness.Reject(new CompleteTask(Actors.Reviewer, harness.TaskAt("review").Id, "supplement"));

        Assert.Equal(ErrorCodes.OneTimeNoticeIncomplete, error.Code);
    }

    [Fact]
    public void CompleteTask_WhileSupplementing_IsNotAllowed()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();
        var review = harness.TaskAt("review");
        harness.Run(new RequestSupplement(Actors.Clerk, [BlurredIdCard]));

        Assert.Equal(ErrorCodes.NotAllowedInStatus, harness.Reject(new CompleteTask(Actors.Reviewer, review.Id, "pass")).Code);
    }
}
