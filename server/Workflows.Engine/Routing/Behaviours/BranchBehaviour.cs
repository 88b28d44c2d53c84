using Workflows.Definitions.Model;
using Workflows.Engine.Errors;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>条件分支: the first case whose condition holds, else <c>otherwise</c>.</summary>
internal sealed class BranchBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Branch;

    public void Enter(StepEntry entry)
    {
        var conditions = entry.Tx.Context.Conditions;
        var chosen = entry.Step.Cases.FirstOrDefault(c => conditions.Evaluate(c.When, entry.Tx.State))?.Next
            ?? entry.Step.Otherwise
            ?? throw Fail.NoBranchMatched(entry.Step.Id);
        entry.Router.MoveTo(entry.TokenId, chosen);
    }
}
