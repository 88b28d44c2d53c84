using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Graph;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>条件分支: the first case whose condition holds, else <c>otherwise</c>.</summary>
internal sealed class BranchBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Branch;

    public void Enter(StepEntry entry)
    {
        var step = (BranchNode)entry.Step;
        var conditions = entry.Tx.Context.Conditions;
        var chosen = step.Cases.FirstOrDefault(c => conditions.Evaluate(c.When, entry.Tx.State))?.Target
            ?? step.Otherwise
            ?? throw Fail.NoBranchMatched(step.Id);
        entry.Router.MoveTo(entry.TokenId, chosen);
    }
}
