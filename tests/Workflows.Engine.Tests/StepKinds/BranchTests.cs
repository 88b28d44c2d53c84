using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.StepKinds;

public sealed class BranchTests
{
    private static ItemDefinition ByCapacity(string? otherwise) => Items.Item(
    [
        Intake("by-capacity"),
        Branch("by-capacity", otherwise,
            ("form.capacity > 300 && form.kind == 'kindergarten'", "expert-review"),
            ("form.capacity > 300", "site-inspection")),
        Task("expert-review", Items.Head, next: Workflow.End),
        Task("site-inspection", Items.Reviewer, next: Workflow.End),
        Task("desk-review", Items.Reviewer, next: Workflow.End),
    ]);

    private static CaseHarness Accepted(ItemDefinition item, int capacity, string kind) =>
        new CaseHarness(item).Receive(form: new JsonObject { ["capacity"] = capacity, ["kind"] = kind }).Accept();

    [Fact]
    public void Branch_TakesFirstCaseWhoseConditionHolds()
    {
        Assert.NotNull(Accepted(ByCapacity("desk-review"), 400, "kindergarten").TaskAt("expert-review"));
        Assert.NotNull(Accepted(ByCapacity("desk-review"), 400, "school").TaskAt("site-inspection"));
    }

    [Fact]
    public void Branch_WhenNoConditionHolds_TakesOtherwise()
    {
        Assert.NotNull(Accepted(ByCapacity("desk-review"), 120, "kindergarten").TaskAt("desk-review"));
    }

    [Fact]
    public void Branch_WhenNothingHoldsAndNoOtherwise_RejectsTheCommandAtomically()
    {
        var harness = new CaseHarness(ByCapacity(otherwise: null)).Receive(["id-card", "application", "health"], form: new JsonObject { ["capacity"] = 50, ["kind"] = "school" });

        var error = harness.Reject(new Commands.Accept(Actors.Clerk));

        Assert.Equal(ErrorCodes.NoBranchMatched, error.Code);
        Assert.Equal(State.CaseStatus.Received, harness.State.Status);
    }
}
