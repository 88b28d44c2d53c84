using Workflows.Definitions.Model;

namespace Workflows.Engine.Graph;

/// <summary>
/// Where a transition leads: another node of the same graph, or 办结 (<c>end</c>). Resolved by the
/// compiler once every node exists (workflows loop back, e.g. 补正 to the intake step), so it is
/// a class that is set once during compilation and never changes afterwards.
/// </summary>
public sealed class StepTarget
{
    private StepNode? _node;

    internal StepTarget(string id) => Id = id;

    public string Id { get; }

    public bool IsEnd => Id == Workflow.End;

    /// <summary>The node this leads to; <c>end</c> has none (check <see cref="IsEnd"/> first).</summary>
    public StepNode Node => _node ?? throw new InvalidOperationException($"'{Id}' 是办结，不是步骤 (end is not a step)");

    internal void Resolve(StepNode node) => _node = node;

    public override string ToString() => Id;
}

/// <summary>One declared outcome of a step and where it leads.</summary>
public sealed record StepOutcome(string Name, StepTarget Target);

/// <summary>How a step that a person or a plugin decides is left.</summary>
public abstract record StepExits
{
    /// <summary>The declared outcome names in file order (the first is the affirmative one for 会签).</summary>
    public abstract IReadOnlyList<string> OutcomeNames { get; }

    /// <summary>The transition for this outcome; a wrong outcome is refused before anything is recorded.</summary>
    public abstract StepTarget Follow(string stepId, string? outcome);
}

/// <summary>No declared outcomes: any outcome is a recorded opinion and the step follows <c>next</c>.</summary>
public sealed record NextExit(StepTarget Next) : StepExits
{
    public override IReadOnlyList<string> OutcomeNames => [];

    public override StepTarget Follow(string stepId, string? outcome) => Next;
}

/// <summary>Declared outcomes, each to its target; without an outcome the step follows <c>next</c> when it has one.</summary>
public sealed record OutcomeExits(IReadOnlyList<StepOutcome> Outcomes, StepTarget? Default) : StepExits
{
    public override IReadOnlyList<string> OutcomeNames => Outcomes.Select(o => o.Name).ToList();

    public override StepTarget Follow(string stepId, string? outcome)
    {
        if (outcome is not null && Outcomes.FirstOrDefault(o => o.Name == outcome) is { } chosen) return chosen.Target;
        if (outcome is null && Default is not null) return Default;
        throw Errors.Fail.UnknownOutcome(stepId, outcome, OutcomeNames);
    }
}
