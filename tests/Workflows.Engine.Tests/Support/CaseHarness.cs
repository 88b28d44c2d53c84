using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Intents;
using Workflows.Engine.Ports;
using Workflows.Engine.State;

namespace Workflows.Engine.Tests.Support;

/// <summary>
/// Runs commands against one case the way the server will: keeps the log and the snapshot, and
/// after every successful command checks that replaying the log (also after a JSON round trip,
/// as the store keeps it) reproduces the snapshot exactly.
/// </summary>
internal sealed class CaseHarness
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public CaseHarness(ItemDefinition item, string today = "2026-03-02", ClockSettings? clock = null)
    {
        Clock.SetDay(today);
        Context = new EngineContext(Clock, OfficialCalendar.Calendar, new PublishedItem(item, "v1-abc123", clock),
            Conditions, Activities);
    }

    public TestClock Clock { get; } = new();
    public FormConditionEvaluator Conditions { get; } = new();
    public RecordingDocuments Documents { get; } = new();
    public RecordingNotifier Notifier { get; } = new();
    public ConfiguredActivities Activities { get; } = new();
    public EngineContext Context { get; private set; }
    public List<CaseEvent> Log { get; } = [];
    public List<CaseIntent> Intents { get; } = [];
    public CaseState? MaybeState { get; private set; }
    public CaseState State => MaybeState ?? throw new InvalidOperationException("no case yet");

    public void On(string date) => Clock.SetDay(date);

    /// <summary>Later commands count with this calendar (a year's schedule was published).</summary>
    public void Publish(Workflows.Domain.WorkingCalendar calendar) => Context = Context with { Calendar = calendar };

    public CommandResult Run(CaseCommand command)
    {
        var result = CaseEngine.Execute(MaybeState, command, Context);
        Assert.True(result.Succeeded, $"{command.GetType().Name} failed: {result.Error}");
        Log.AddRange(result.Events);
        Intents.AddRange(result.Intents);
        foreach (var intent in result.Intents)
        {
            if (intent is RenderDocument render) Documents.Record(render);
            if (intent is Notify notify) Notifier.Sent.Add(notify.Notification);
        }
        MaybeState = result.State;
        AssertReplayReproducesState();
        return result;
    }

    /// <summary>Runs a command that must fail, and checks that it changed nothing.</summary>
    public DomainError Reject(CaseCommand command)
    {
        var before = MaybeState is null ? null : Serialize(MaybeState);
        var result = CaseEngine.Execute(MaybeState, command, Context);
        Assert.False(result.Succeeded, $"{command.GetType().Name} should have failed");
        Assert.Empty(result.Events);
        Assert.Empty(result.Intents);
        Assert.Equal(before, result.State is null ? null : Serialize(result.State));
        return result.Error!;
    }

    public void AssertReplayReproducesState()
    {
        var expected = Serialize(State);
        Assert.Equal(expected, Serialize(CaseEvents.Replay(Log)));

        var stored = JsonSerializer.Serialize<List<CaseEvent>>(Log, Json);
        var reloaded = JsonSerializer.Deserialize<List<CaseEvent>>(stored, Json)!;
        Assert.Equal(expected, Serialize(CaseEvents.Replay(reloaded)));
    }

    public static string Serialize(CaseState state) => JsonSerializer.Serialize(state, Json);

    // ----- conveniences for the usual path -----

    public CaseHarness Receive(IEnumerable<string>? received = null, JsonObject? form = null, Applicant? applicant = null)
    {
        var materials = (received ?? Items.RequiredForPerson)
            .Select(id => new MaterialRecord(id, MaterialStatus.Received))
            .ToList();
        Run(new ReceiveMaterials("case-1", "桃山-2026-000001",
            applicant ?? new Applicant(ApplicantType.Person, "张三", "11010519491231002X", "13800000000"),
            form ?? new JsonObject { ["subject"] = "语文", ["level"] = "senior" },
            materials, Actors.Clerk));
        return this;
    }

    /// <summary>
    /// 受理; a deferrable material not handed in is deferred with the applicant's signed pledge
    /// (a plain 受理 with one missing is refused, WF6061).
    /// </summary>
    public CaseHarness Accept()
    {
        var missing = Context.Item.Definition.Materials
            .Where(m => m.Necessity == Necessity.Deferrable && State.MaterialStatusOf(m.Id) != MaterialStatus.Received)
            .Select(m => m.Id).ToList();
        Run(missing.Count == 0 ? new Accept(Actors.Clerk) : new AcceptWithDeferral(Actors.Clerk, missing, null, PledgeSigned: true));
        return this;
    }

    /// <summary>The only open task at a step.</summary>
    public CaseTask TaskAt(string stepId) => Assert.Single(State.ActiveTasks, t => t.StepId == stepId);

    public CaseHarness Complete(string stepId, Actor by, string? outcome, string? opinion = null)
    {
        Run(new CompleteTask(by, TaskAt(stepId).Id, outcome, opinion));
        return this;
    }

    public static DateOnly Date(string text) => OfficialCalendar.Date(text);
}
