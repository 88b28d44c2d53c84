using System.Text.Json;
using Workflows.Engine.Commands;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Lifecycles;

public sealed class EventReplayTests
{
    [Fact]
    public void Replay_OfJointReviewLog_ReproducesTheSnapshotExactly()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept()
            .Complete("review", Actors.Reviewer, "pass");

        var replayed = CaseEvents.Replay(harness.Log);

        Assert.Equal(CaseHarness.Serialize(harness.State), CaseHarness.Serialize(replayed));
        Assert.Equal(harness.State.Version, replayed.Version);
    }

    [Fact]
    public void EventsOfOneCommand_ShareItsVersionAndTime()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive(["id-card", "application", "health"]);

        var result = harness.Run(new Accept(Actors.Clerk));

        Assert.True(result.Events.Count > 1);
        Assert.All(result.Events, e => Assert.Equal(2, e.Version));
        Assert.All(result.Events, e => Assert.Equal(harness.Clock.Now, e.At));
        Assert.Equal(TimeSpan.FromHours(8), result.Events[0].At.Offset);
    }

    [Fact]
    public void StoredEvents_NameTheirTypeWithStableDiscriminators()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive();

        var json = JsonSerializer.Serialize<CaseEvent>(harness.Log[0]);

        Assert.StartsWith("{\"type\":\"case-received\"", json);
    }

    [Fact]
    public void FailedCommand_ProducesNoEventsAndKeepsTheVersion()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();

        var result = CaseEngine.Execute(harness.State, new CompleteTask(Actors.Reviewer, harness.TaskAt("review").Id, "nonsense"), harness.Context);

        Assert.Empty(result.Events);
        Assert.Equal(2, result.State!.Version);
    }
}
