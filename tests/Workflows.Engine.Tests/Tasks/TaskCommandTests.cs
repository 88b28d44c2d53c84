using Workflows.Engine.Intents;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Tasks;

public sealed class TaskCommandTests
{
    private static CaseHarness InReview() => new CaseHarness(Items.Licensing()).Receive().Accept();

    [Fact]
    public void Claim_ByAssignee_ClaimsTask()
    {
        var harness = InReview();
        var review = harness.TaskAt("review");

        harness.Run(new Claim(Actors.Reviewer, review.Id));

        Assert.Equal(TaskState.Claimed, harness.TaskAt("review").State);
        Assert.Equal("reviewer-li", harness.TaskAt("review").ClaimedBy);
    }

    [Fact]
    public void Claim_ByAnotherDepartment_IsRejectedAsNotTheAssignee()
    {
        var harness = InReview();

        var error = harness.Reject(new Claim(Actors.WaterReviewer, harness.TaskAt("review").Id));

        Assert.Equal(ErrorCodes.NotTheAssignee, error.Code);
    }

    [Fact]
    public void ClaimAndComplete_WhenColleagueHoldsTheClaim_AreRejected()
    {
        var harness = InReview();
        var review = harness.TaskAt("review");
        harness.Run(new Claim(Actors.Reviewer, review.Id));

        Assert.Equal(ErrorCodes.ClaimedByOther, harness.Reject(new Claim(Actors.OtherReviewer, review.Id)).Code);
        Assert.Equal(ErrorCodes.ClaimedByOther, harness.Reject(new CompleteTask(Actors.OtherReviewer, review.Id, "pass")).Code);
    }

    [Fact]
    public void CompleteTask_UnknownTask_IsRejectedAsTaskNotFound()
    {
        var harness = InReview();

        Assert.Equal(ErrorCodes.TaskNotFound, harness.Reject(new CompleteTask(Actors.Reviewer, "t42", "pass")).Code);
    }

    [Fact]
    public void CompleteTask_UnknownOutcome_IsRejectedNamingTheAllowedOnes()
    {
        var harness = InReview();

        var error = harness.Reject(new CompleteTask(Actors.Reviewer, harness.TaskAt("review").Id, "maybe"));

        Assert.Equal(ErrorCodes.UnknownOutcome, error.Code);
        Assert.Contains("pass", error.Message);
    }

    [Fact]
    public void CompleteTask_WithoutOutcomeWhereOutcomesAreDeclared_IsRejected()
    {
        var harness = InReview();

        Assert.Equal(ErrorCodes.UnknownOutcome, harness.Reject(new CompleteTask(Actors.Reviewer, harness.TaskAt("review").Id, null)).Code);
    }

    [Fact]
    public void CompleteTask_Twice_IsRejectedAsAlreadyCompleted()
    {
        var harness = InReview();
        var review = harness.TaskAt("review");
        harness.Run(new CompleteTask(Actors.Reviewer, review.Id, "pass", "材料齐全"));

        var error = harness.Reject(new CompleteTask(Actors.Reviewer, review.Id, "pass"));

        Assert.Equal(ErrorCodes.TaskNotOpen, error.Code);
        var completed = harness.State.Task(review.Id)!;
        Assert.Equal("pass", completed.Outcome);
        Assert.Equal("材料齐全", completed.Opinion);
        Assert.Equal("reviewer-li", completed.CompletedBy);
    }

    [Fact]
    public void Return_ToEarlierStep_CancelsTaskAndReopensThatStep()
    {
        var harness = InReview().Complete("review", Actors.Reviewer, "pass");
        var decide = harness.TaskAt("decide");

        harness.Run(new Return(Actors.Head, decide.Id, "review", "学历认证材料需核实"));

        Assert.Equal(TaskState.Cancelled, harness.State.Task(decide.Id)!.State);
        Assert.Contains("学历认证材料需核实", harness.State.Task(decide.Id)!.Opinion);
        var again = harness.TaskAt("review");
        Assert.Equal("k1", again.TokenId);
        Assert.Equal("review", Assert.Single(harness.State.Tokens).StepId);
    }

    [Fact]
    public void Return_ToStepNeverVisited_IsRejected()
    {
        var harness = InReview();

        var error = harness.Reject(new Return(Actors.Reviewer, harness.TaskAt("review").Id, "decide", "理由"));

        Assert.Equal(ErrorCodes.ReturnTargetInvalid, error.Code);
    }

    [Fact]
    public void Transfer_ToAnotherRole_ReleasesClaimAndOnlyNewAssigneeMayComplete()
    {
        var harness = InReview();
        var review = harness.TaskAt("review");
        harness.Run(new Claim(Actors.Reviewer, review.Id));

        harness.Run(new Transfer(Actors.Reviewer, review.Id, TaskAssignee.ForRole("education", "head"), "需科长直接审查"));

        var transferred = harness.TaskAt("review");
        Assert.Equal(new TaskAssignee("education", "head"), transferred.Assignee);
        Assert.Null(transferred.ClaimedBy);
        Assert.Equal(ErrorCodes.NotTheAssignee, harness.Reject(new CompleteTask(Actors.Reviewer, review.Id, "pass")).Code);
        harness.Run(new CompleteTask(Actors.Head, review.Id, "pass"));
        Assert.NotNull(harness.TaskAt("decide"));
    }

    [Fact]
    public void AddSigner_ToTask_WaitsForAddedSignerBeforeRouting()
    {
        var harness = InReview();
        var review = harness.TaskAt("review");

        harness.Run(new AddSigner(Actors.Reviewer, review.Id, TaskAssignee.ForRole("legal", "reviewer"), "涉及法律问题"));
        harness.Run(new CompleteTask(Actors.Reviewer, review.Id, "pass", "同意"));

        Assert.Equal(TaskState.Open, harness.TaskAt("review").State);
        Assert.Empty(harness.State.ActiveTasks.Where(t => t.StepId == "decide"));

        harness.Run(new CompleteTask(new Actor("legal-qian", "legal", "reviewer"), review.Id, "pass", "无法律障碍"));

        var done = harness.State.Task(review.Id)!;
        Assert.Equal(TaskState.Completed, done.State);
        Assert.True(done.Signers[1].Added);
        Assert.Equal(2, done.Votes.Count);
        Assert.Contains("无法律障碍", done.Opinion);
        Assert.NotNull(harness.TaskAt("decide"));
    }

    [Fact]
    public void AddSigner_AlreadyPending_IsRejected()
    {
        var harness = InReview();
        var review = harness.TaskAt("review");

        var error = harness.Reject(new AddSigner(Actors.Reviewer, review.Id, TaskAssignee.ForRole("education", "reviewer"), "重复"));

        Assert.Equal(ErrorCodes.AlreadySigned, error.Code);
    }

    [Fact]
    public void Urge_RecordsTheUrgeAndNotifiesTheAssignee()
    {
        var harness = InReview();
        var review = harness.TaskAt("review");

        harness.Run(new Urge(new Actor("supervisor-he", Role: "supervisor"), review.Id, "请尽快办理"));

        var urge = Assert.Single(harness.State.Urges);
        Assert.Equal(review.Id, urge.TaskId);
        Assert.Equal("supervisor-he", urge.By);
        var sent = Assert.Single(harness.Notifier.Sent);
        Assert.Equal(NotificationKind.Urge, sent.Kind);
        Assert.Equal(review.Id, sent.TaskId);
    }
}
