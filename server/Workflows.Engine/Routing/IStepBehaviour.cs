using Workflows.Definitions.Model;
using Workflows.Engine.Execution;
using Workflows.Engine.Graph;
using Workflows.Engine.State;

namespace Workflows.Engine.Routing;

/// <summary>A token has just arrived at a step.</summary>
internal sealed record StepEntry(CaseTransaction Tx, Router Router, string TokenId, StepNode Step)
{
    public Token Token => Tx.State.Token(TokenId) ?? throw new InvalidOperationException($"token {TokenId} vanished");

    /// <summary>Automatic steps call this to continue at once.</summary>
    public void Leave(string? outcome = null) => Router.Leave(TokenId, Step, outcome);
}

/// <summary>
/// What a step kind does when a token arrives (Camunda's activity behaviour): either finish and
/// leave at once, or create a wait state (a task, a timer, a join) that a later command resumes.
/// </summary>
internal interface IStepBehaviour
{
    StepKind Kind { get; }

    void Enter(StepEntry entry);
}
