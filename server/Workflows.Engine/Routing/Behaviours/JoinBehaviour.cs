using Workflows.Definitions.Model;
using Workflows.Engine.Events;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>
/// 汇聚: waits until every branch of the fork has arrived (the fork knows its width, so a branch
/// that arrives before its siblings even started cannot slip through), then continues as one token.
/// </summary>
internal sealed class JoinBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Join;

    public void Enter(StepEntry entry)
    {
        var fork = entry.Token.Fork;
        if (fork is null)
        {
            entry.Leave();
            return;
        }

        var arrived = entry.Tx.State.Tokens.Where(t => t.Fork?.Id == fork.Id && t.StepId == entry.Step.Id).ToList();
        if (arrived.Count < fork.Width) return;

        foreach (var token in arrived) entry.Tx.Emit(new TokenConsumed(token.Id));
        var merged = entry.Tx.NextTokenId();
        entry.Tx.Emit(new TokenCreated(merged, entry.Step.Id, fork.Parent));
        entry.Router.Leave(merged, entry.Step, null);
    }
}
