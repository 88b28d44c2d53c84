using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workflows.Engine.Events;
using Workflows.Engine.State;
using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>How cases travel to and from the store: the engine's own System.Text.Json contract (default options, its discriminators).</summary>
public static class CaseJson
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = false };

    private static readonly Dictionary<Type, string> EventTypes = typeof(CaseEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The stored event type: the engine's discriminator (<c>case-received</c>...).</summary>
    public static string TypeOf(CaseEvent e) => EventTypes[e.GetType()];

    public static NewEvent ToNewEvent(CaseEvent e) =>
        new(TypeOf(e), JsonSerializer.Serialize<CaseEvent>(e, Options), e.At);

    public static string Serialize(CaseState state) => JsonSerializer.Serialize(state, Options);

    public static CaseState Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseState>(json, Options) ?? throw new JsonException("empty case snapshot");

    /// <param name="itemParties">Departments and windows (<c>w:</c>) the item involves whatever the route: its
    /// implementing and joint departments and its intake windows. Task assignees are added from the state.</param>
    public static CaseSnapshot Snapshot(CaseState state, IEnumerable<string>? itemParties = null)
    {
        var open = state.ActiveTasks.FirstOrDefault();
        var due = state.Clocks.PromisedDue ?? state.Clocks.StatutoryDue ?? (state.Clocks.AcceptedOn is null ? state.Clocks.AcceptanceDue : null);
        var taskParties = state.Tasks.SelectMany(t => t.Signers).Select(s => s.Assignee)
            .Select(a => a.Window is { } window ? "w:" + window : a.Department).OfType<string>();
        var parties = CaseIndex.PartiesOf((itemParties ?? []).Concat(taskParties));
        var index = new CaseIndex(state.Status.ToString(), open?.Assignee.Department, state.Applicant.Name, state.Applicant.IdNumber,
            state.IsClosed ? null : due, parties, Open: !state.IsClosed);
        return new CaseSnapshot(Serialize(state), index);
    }

    /// <summary>The parties an item involves on any route (see <see cref="Snapshot"/>).</summary>
    public static IEnumerable<string> PartiesOf(Workflows.Definitions.Model.ItemDefinition item)
    {
        if (item.Guide is { } guide)
        {
            yield return guide.Department;
            foreach (var joint in guide.JointDepartments) yield return joint;
        }
        foreach (var step in item.Workflow?.Steps ?? [])
        {
            if (step.By?.Window is { } window) yield return "w:" + window;
            else if (step.By?.Department is { } department) yield return department;
        }
    }

    /// <summary>A stable text of the command for the idempotency fingerprint.</summary>
    public static string Fingerprint(Guid caseId, string? itemId, object command) =>
        $"{command.GetType().Name}\n{caseId:D}\n{itemId}\n{JsonSerializer.Serialize(command, command.GetType(), Options)}";
}
