using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Workflows.Engine.Events;
using Workflows.Engine.State;
using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>How cases travel to and from the store: the engine's own System.Text.Json contract (default options, its discriminators).</summary>
public static class CaseJson
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = false };

    /// <summary>
    /// What the store holds (snapshots and event payloads): the same contract, written lean. CJK text
    /// is written as UTF-8, not as <c>\uXXXX</c> escapes (the column is text, never embedded in HTML),
    /// and properties the engine computes from others (<c>IsActive</c>, <c>Assignee</c>...) are left
    /// out: they were skipped on reading anyway, so older snapshots and events read the same.
    /// </summary>
    private static readonly JsonSerializerOptions StoreOptions = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutComputedProperties } },
    };

    private static readonly Dictionary<Type, string> EventTypes = typeof(CaseEvent)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>The stored event type: the engine's discriminator (<c>case-received</c>...).</summary>
    public static string TypeOf(CaseEvent e) => EventTypes[e.GetType()];

    public static NewEvent ToNewEvent(CaseEvent e) =>
        new(TypeOf(e), JsonSerializer.Serialize<CaseEvent>(e, StoreOptions), e.At);

    public static string Serialize(CaseState state) => JsonSerializer.Serialize(state, StoreOptions);

    public static CaseState Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseState>(json, StoreOptions) ?? throw new JsonException("empty case snapshot");

    /// <summary>Drops the engine's get-only properties that no constructor parameter sets: values derived from the rest.</summary>
    private static void LeaveOutComputedProperties(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || type.Type.Assembly != typeof(CaseState).Assembly) return;
        var parameters = type.Type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            var property = type.Properties[i];
            if (property.Set is null && property.AttributeProvider is PropertyInfo { CanWrite: false } clr && !parameters.Contains(clr.Name))
                type.Properties.RemoveAt(i);
        }
    }

    /// <param name="itemParties">Departments and windows (<c>w:</c>) the item involves whatever the route: its
    /// implementing and joint departments and its intake windows. Task assignees are added from the state.</param>
    /// <param name="figures">The figure columns (<see cref="CaseFigureIndex"/>); none for snapshots not written by a command.</param>
    public static CaseSnapshot Snapshot(CaseState state, IEnumerable<string>? itemParties = null, CaseFigures? figures = null)
    {
        var open = state.ActiveTasks.FirstOrDefault();
        var due = state.Clocks.PromisedDue ?? state.Clocks.StatutoryDue ?? (state.Clocks.AcceptedOn is null ? state.Clocks.AcceptanceDue : null);
        var taskParties = state.Tasks.SelectMany(t => t.Signers).Select(s => s.Assignee)
            .Select(a => a.Window is { } window ? "w:" + window : a.Department).OfType<string>();
        var parties = CaseIndex.PartiesOf((itemParties ?? []).Concat(taskParties));
        var index = new CaseIndex(state.Status.ToString(), open?.Assignee.Department, state.Applicant.Name, state.Applicant.IdNumber,
            state.IsClosed ? null : due, parties, Open: !state.IsClosed, Figures: figures);
        return new CaseSnapshot(Serialize(state), index);
    }

    /// <summary>
    /// The parties an item involves from the start: its implementing and joint departments and its
    /// intake window. Not every window or department a step names: the issuance window, say, becomes
    /// a party when the case reaches its task (added from the state in <see cref="Snapshot"/>), not at receipt.
    /// </summary>
    public static IEnumerable<string> PartiesOf(Workflows.Definitions.Model.ItemDefinition item)
    {
        if (item.Guide is { } guide)
        {
            yield return guide.Department;
            foreach (var joint in guide.JointDepartments) yield return joint;
        }
        foreach (var step in item.Workflow?.Steps ?? [])
        {
            if (step.Kind == Workflows.Definitions.Model.StepKind.Intake && step.By?.Window is { } window) yield return "w:" + window;
        }
    }

    /// <summary>A stable text of the command for the idempotency fingerprint.</summary>
    public static string Fingerprint(Guid caseId, string? itemId, object command) =>
        $"{command.GetType().Name}\n{caseId:D}\n{itemId}\n{JsonSerializer.Serialize(command, command.GetType(), Options)}";
}
