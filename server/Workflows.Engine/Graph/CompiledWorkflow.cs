using System.Collections.Frozen;

namespace Workflows.Engine.Graph;

/// <summary>
/// An item's workflow as the engine runs it: compiled once per published version by
/// <see cref="WorkflowCompiler"/> from the validated definition, immutable, and shared by every
/// case on that version. Nodes are looked up by step id; transitions point at nodes.
/// </summary>
public sealed class CompiledWorkflow
{
    private readonly FrozenDictionary<string, StepNode> _byId;

    internal CompiledWorkflow(string itemId, IReadOnlyList<StepNode> nodes, TaskNode? backOfficeAcceptance)
    {
        ItemId = itemId;
        Nodes = nodes;
        _byId = nodes.ToFrozenDictionary(n => n.Id, StringComparer.Ordinal);
        Start = (IntakeNode)nodes[0];
        BackOfficeAcceptance = backOfficeAcceptance;
    }

    public string ItemId { get; }

    /// <summary>Every node in the order the definition lists its steps.</summary>
    public IReadOnlyList<StepNode> Nodes { get; }

    /// <summary>The first step, where every case starts: always the window's intake.</summary>
    public IntakeNode Start { get; }

    /// <summary>前台收件、后台受理: the department's acceptance decision right after intake; null for 委托受理 at the window.</summary>
    public TaskNode? BackOfficeAcceptance { get; }

    public bool Contains(string stepId) => _byId.ContainsKey(stepId);

    public StepNode? Find(string stepId) => _byId.GetValueOrDefault(stepId);

    /// <summary>The node a case's token or task names; a step id from another version is a clear error.</summary>
    public StepNode Node(string stepId) =>
        _byId.GetValueOrDefault(stepId) ?? throw Errors.Fail.Workflow($"流程中没有步骤 {stepId} (unknown step)");
}
