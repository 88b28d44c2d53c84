using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.Tasks;

public sealed class CountersignTests
{
    private static readonly Assignee[] Signers = [Role("water", "reviewer"), Role("agriculture", "reviewer")];

    private static CaseHarness CountersignCase(SignMode mode) => new CaseHarness(Items.Item(
    [
        Intake("sign"),
        Countersign("sign", mode, Signers, ("approve", "decide"), ("reject", "notify-denial")),
        Task("decide", Items.Head, outcomes: [("grant", Workflow.End), ("deny", Workflow.End)]),
        Notify("notify-denial", "notices/denial-decision", Workflow.End),
    ])).Receive().Accept();

    [Fact]
    public void CountersignAll_WaitsForEverySignerThenRoutesByCommonOutcome()
    {
        var harness = CountersignCase(SignMode.All);
        var sign = harness.TaskAt("sign");
        Assert.True(sign.IsCountersign);
        Assert.Equal(2, sign.Signers.Count);

        harness.Run(new CompleteTask(Actors.WaterReviewer, sign.Id, "approve", "水资源论证通过"));
        Assert.Equal(TaskState.Open, harness.TaskAt("sign").State);

        harness.Run(new CompleteTask(Actors.AgricultureReviewer, sign.Id, "approve", "同意"));

        var done = harness.State.Task(sign.Id)!;
        Assert.Equal(TaskState.Completed, done.State);
        Assert.Equal("approve", done.Outcome);
        Assert.NotNull(harness.TaskAt("decide"));
    }

    [Fact]
    public void CountersignAll_WithOneDissent_TakesTheDissentingOutcome()
    {
        var harness = CountersignCase(SignMode.All);
        var sign = harness.TaskAt("sign");

        harness.Run(new CompleteTask(Actors.WaterReviewer, sign.Id, "approve"));
        harness.Run(new CompleteTask(Actors.AgricultureReviewer, sign.Id, "reject", "占用基本农田"));

        Assert.Equal("reject", harness.State.Task(sign.Id)!.Outcome);
        Assert.Equal(CaseStatus.Completed, harness.State.Status);
        Assert.Equal("notify-denial", Assert.Single(harness.State.Notifications).StepId);
    }

    [Fact]
    public void CountersignAll_SameSignerTwice_IsRejected()
    {
        var harness = CountersignCase(SignMode.All);
        var sign = harness.TaskAt("sign");
        harness.Run(new CompleteTask(Actors.WaterReviewer, sign.Id, "approve"));

        Assert.Equal(ErrorCodes.AlreadySigned, harness.Reject(new CompleteTask(Actors.WaterReviewer, sign.Id, "approve")).Code);
    }

    [Fact]
    public void CountersignAny_FirstSignatureDecides()
    {
        var harness = CountersignCase(SignMode.Any);
        var sign = harness.TaskAt("sign");

        harness.Run(new CompleteTask(Actors.AgricultureReviewer, sign.Id, "approve"));

        var done = harness.State.Task(sign.Id)!;
        Assert.Equal(TaskState.Completed, done.State);
        Assert.Single(done.Votes);
        Assert.NotNull(harness.TaskAt("decide"));
        Assert.Equal(ErrorCodes.TaskNotOpen, harness.Reject(new CompleteTask(Actors.WaterReviewer, sign.Id, "approve")).Code);
    }

    [Fact]
    public void Countersign_CannotBeTransferred()
    {
        var harness = CountersignCase(SignMode.All);

        var error = harness.Reject(new Transfer(Actors.WaterReviewer, harness.TaskAt("sign").Id, TaskAssignee.ForRole("water", "head"), "理由"));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }
}
