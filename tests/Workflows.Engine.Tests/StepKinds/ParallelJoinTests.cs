using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.StepKinds;

public sealed class ParallelJoinTests
{
    /// <summary>取水许可-like joint review: water and agriculture review in parallel, the head decides after both.</summary>
    private static ItemDefinition JointReview() => Items.Item(
    [
        Intake("joint-review"),
        Parallel("joint-review", "review-water", "review-agriculture"),
        Task("review-water", Role("water", "reviewer"), next: "joint-done", limitDays: 6),
        Task("review-agriculture", Role("agriculture", "reviewer"), next: "joint-done", limitDays: 6),
        Join("joint-done", "decide"),
        Task("decide", Role("water", "head"), limitDays: 3, outcomes: [("grant", Workflow.End), ("deny", Workflow.End)]),
    ], statutoryDays: 45, promisedDays: 20);

    [Fact]
    public void JointReview_OpensOneTaskPerDepartment_AndJoinWaitsForBoth()
    {
        var harness = new CaseHarness(JointReview(), today: "2026-03-02").Receive().Accept();

        var water = harness.TaskAt("review-water");
        var agriculture = harness.TaskAt("review-agriculture");
        Assert.Equal(Date("2026-03-10"), water.Due);
        Assert.Equal(2, harness.State.Tokens.Count);
        Assert.All(harness.State.Tokens, t => Assert.Equal(2, t.Fork!.Width));

        harness.Run(new CompleteTask(Actors.WaterReviewer, water.Id, null, "水资源论证合格"));
        Assert.Empty(harness.State.ActiveTasks.Where(t => t.StepId == "decide"));
        Assert.Contains(harness.State.Tokens, t => t.StepId == "joint-done");

        harness.Run(new CompleteTask(Actors.AgricultureReviewer, agriculture.Id, null, "不涉及基本农田"));

        var decide = harness.TaskAt("decide");
        var token = Assert.Single(harness.State.Tokens);
        Assert.Null(token.Fork);
        Assert.Equal(decide.TokenId, token.Id);

        harness.Run(new CompleteTask(new Actor("head-liu", "water", "head"), decide.Id, "grant"));
        Assert.Equal(CaseStatus.Completed, harness.State.Status);
        Assert.Equal(CaseDecision.Granted, harness.State.Decision);
    }

    [Fact]
    public void Join_BranchThatFinishesBeforeItsSiblingStarts_StillWaits()
    {
        var item = Items.Item(
        [
            Intake("split"),
            Parallel("split", "inform", "review"),
            Notify("inform", "notices/joint-review", "merge"),
            Task("review", Items.Reviewer, next: "merge"),
            Join("merge", "deliver"),
            Task("deliver", Items.Issuance, next: Workflow.End),
        ]);
        var harness = new CaseHarness(item).Receive().Accept();

        Assert.Single(harness.State.Notifications);
        Assert.Empty(harness.State.ActiveTasks.Where(t => t.StepId == "deliver"));

        harness.Complete("review", Actors.Reviewer, null);
        Assert.NotNull(harness.TaskAt("deliver"));
    }
}
