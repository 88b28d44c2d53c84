using Workflows.Definitions.Model;
using Workflows.Engine.Routing.Behaviours;

namespace Workflows.Engine.Routing;

/// <summary>The behaviour of every step kind. Stateless, so one instance each serves all cases.</summary>
internal static class StepBehaviours
{
    private static readonly IReadOnlyDictionary<StepKind, IStepBehaviour> ByKind = new IStepBehaviour[]
    {
        new IntakeBehaviour(),
        new TaskBehaviour(),
        new CountersignBehaviour(),
        new ParallelSplitBehaviour(),
        new JoinBehaviour(),
        new BranchBehaviour(),
        new DocumentBehaviour(),
        new NotifyBehaviour(),
        new TimerBehaviour(),
        new SubcaseBehaviour(),
        new PluginBehaviour(),
    }.ToDictionary(b => b.Kind);

    public static IStepBehaviour For(StepKind kind) => ByKind[kind];
}
