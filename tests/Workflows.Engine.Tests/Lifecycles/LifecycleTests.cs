using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Lifecycles;

public sealed class LifecycleTests
{
    [Fact]
    public void StraightGrant_FromReceiptToDelivery_CompletesWithCertificate()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(["id-card", "application", "health"]).Accept();
        harness.Run(new IssueDocument(Actors.Clerk, "notices/acceptance"));
        harness.Run(new Claim(Actors.Reviewer, harness.TaskAt("review").Id));
        harness.On("2026-03-05");
        harness.Complete("review", Actors.Reviewer, "pass", "符合认定条件");
        harness.On("2026-03-09");
        harness.Complete("decide", Actors.Head, "grant", "准予认定");

        Assert.Equal(CaseStatus.Granted, harness.State.Status);
        Assert.Equal(["notices/acceptance", "certificates/teacher-qualification"], harness.State.Documents.Select(d => d.TemplateId));

        harness.On("2026-03-10");
        harness.Complete("deliver", Actors.Issuer, null, "申请人本人领取");

        var state = harness.State;
        Assert.Equal(CaseStatus.Completed, state.Status);
        Assert.Equal(CaseDecision.Granted, state.Decision);
        Assert.True(state.IsClosed);
        Assert.Empty(state.Tokens);
        Assert.Empty(state.ActiveTasks);
        Assert.Equal(["intake", "review", "decide", "issue", "deliver"], state.VisitedSteps);
        Assert.Equal(7, state.Version);
        Assert.Null(RemainingWorkingDays.Of(state, OfficialCalendar.Calendar, CaseHarness.Date("2026-03-10")).Promised);

        harness.Run(new Evaluate(EvaluationLevel.VerySatisfied, "办事快"));
        Assert.False(harness.State.Evaluation!.IsBad);
    }

    [Fact]
    public void Denial_RoutesThroughDenialNoticeAndCompletesDenied()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept()
            .Complete("review", Actors.Reviewer, "pass")
            .Complete("decide", Actors.Head, "deny", "普通话水平未达标");

        Assert.Equal(CaseStatus.Completed, harness.State.Status);
        Assert.Equal(CaseDecision.Denied, harness.State.Decision);
        Assert.Equal("notices/denial-decision", Assert.Single(harness.Notifier.Sent).TemplateId);
        Assert.Empty(harness.State.Documents);
    }

    [Fact]
    public void RefusalByReviewer_SendsRefusalNoticeAndClosesRefused()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept()
            .Complete("review", Actors.Reviewer, "refuse", "不属于本机关职权");

        Assert.Equal(CaseStatus.Refused, harness.State.Status);
        Assert.True(harness.State.IsClosed);
        Assert.Equal("notify-refusal", Assert.Single(harness.State.Notifications).StepId);
    }

    [Fact]
    public void Withdraw_DuringReview_CancelsOpenTasksAndClosesTheCase()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();
        var review = harness.TaskAt("review");

        harness.Run(new Withdraw(Actors.Clerk, "申请人书面申请撤回"));

        var state = harness.State;
        Assert.Equal(CaseStatus.Withdrawn, state.Status);
        Assert.Equal(TaskState.Cancelled, state.Task(review.Id)!.State);
        Assert.Empty(state.Tokens);
        Assert.Equal(ErrorCodes.NotAllowedInStatus, harness.Reject(new Claim(Actors.Reviewer, review.Id)).Code);
        Assert.Equal(ErrorCodes.NotAllowedInStatus, harness.Reject(new Withdraw(Actors.Clerk, "再次撤回")).Code);
        Assert.Empty(harness.Run(new Tick(TestClock.At("2026-06-01"))).Events);
    }

    [Fact]
    public void Evaluate_WithBadLevel_IsFlaggedAndOnlyOnce()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();

        harness.Run(new Evaluate(EvaluationLevel.Dissatisfied, "等候时间长", "张三"));

        Assert.True(harness.State.Evaluation!.IsBad);
        Assert.Equal("不满意", Evaluation.Label(harness.State.Evaluation.Level));
        Assert.Equal(ErrorCodes.AlreadyEvaluated, harness.Reject(new Evaluate(EvaluationLevel.Satisfied)).Code);
    }

    [Fact]
    public void FullRoundTrip_WithEveryClockCommand_ReplaysToTheSameState()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-02-10").Receive(["id-card"]);
        harness.Run(new RequestSupplement(Actors.Clerk, [new MaterialDeficiency("application", DeficiencyKind.Missing)]));
        harness.On("2026-02-12");
        harness.Run(new Supplement(Actors.Clerk, ["application"]));
        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true));
        harness.On("2026-02-13");
        harness.Run(new Suspend(Actors.Reviewer, "专家评审", ProcedureKind.ExpertReview, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条"));
        harness.On("2026-02-25");
        harness.Run(new Resume(Actors.Reviewer));
        harness.Run(new Extend(Actors.Head, 10, "head-chen", "情况复杂"));
        harness.Run(new Urge(Actors.Head, harness.TaskAt("review").Id, "请加快"));
        harness.Run(new Tick(TestClock.At("2026-03-20")));
        harness.Complete("review", Actors.Reviewer, "pass").Complete("decide", Actors.Head, "grant").Complete("deliver", Actors.Issuer, null);
        harness.Run(new Evaluate(EvaluationLevel.Satisfied));

        Assert.Equal(CaseStatus.Completed, harness.State.Status);
        Assert.Equal(harness.Log.Select(e => e.Version).Distinct().Count(), harness.State.Version);
        harness.AssertReplayReproducesState();
    }
}
