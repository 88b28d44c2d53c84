using Workflows.Definitions.Model;
using Workflows.Engine.Events;
using Workflows.Engine.Graph;
using Workflows.Engine.State;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>并联审批: the incoming token ends; one token per branch starts, all in one fork scope for the join.</summary>
internal sealed class ParallelSplitBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Parallel;

    public void Enter(StepEntry entry)
    {
        var step = (ParallelNode)entry.Step;
        var fork = new ForkScope($"{step.Id}@{entry.TokenId}", step.Branches.Count, entry.Token.Fork);
        entry.Tx.Emit(new TokenConsumed(entry.TokenId));
        foreach (var branch in step.Branches) entry.Router.Start(branch, fork);
    }
}
