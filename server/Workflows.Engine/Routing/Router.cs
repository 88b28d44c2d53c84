using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Graph;
using Workflows.Engine.State;

namespace Workflows.Engine.Routing;

/// <summary>
/// Moves tokens through the workflow graph. Each arrival is a named atomic operation (token created
/// or moved, then the step's behaviour runs); automatic steps leave at once, wait states stop.
/// </summary>
internal sealed class Router(CaseTransaction tx)
{
    // A workflow without a wait state in a cycle would route forever; no real item needs this many hops in one command.
    private const int MaxHopsPerCommand = 200;
    private int _hops;

    public StepNode StepOf(string stepId) => tx.Workflow.Node(stepId);

    /// <summary>A new token at <paramref name="target"/> (the start of the case, or a parallel branch).</summary>
    public void Start(StepTarget target, ForkScope? fork)
    {
        if (tx.State.IsClosed) return;
        if (target.IsEnd)
        {
            Close();
            return;
        }

        Start(target.Node, fork);
    }

    public void Start(StepNode node, ForkScope? fork)
    {
        if (tx.State.IsClosed) return;
        var step = Hop(node);
        var tokenId = tx.NextTokenId();
        tx.Emit(new TokenCreated(tokenId, step.Id, fork));
        Run(tokenId, step);
    }

    public void MoveTo(string tokenId, StepTarget target)
    {
        if (tx.State.IsClosed) return;
        if (target.IsEnd)
        {
            // Leaving a step that runs an excluded procedure restarts the clock before the case closes.
            Handlers.ProcedureHandler.Leave(tx, tokenId);
            Close();
            return;
        }

        MoveTo(tokenId, target.Node);
    }

    public void MoveTo(string tokenId, StepNode node)
    {
        if (tx.State.IsClosed) return;
        // Leaving a step that runs an excluded procedure restarts the clock before the next step counts.
        Handlers.ProcedureHandler.Leave(tx, tokenId);
        var step = Hop(node);
        tx.Emit(new TokenMoved(tokenId, step.Id));
        Run(tokenId, step);
    }

    /// <summary>Leaves a step by the given outcome (or by <c>next</c>).</summary>
    public void Leave(string tokenId, StepNode step, string? outcome) => MoveTo(tokenId, NextStepId(step, outcome));

    /// <summary>Validates an outcome before anything is recorded, so a wrong one changes nothing.</summary>
    public static StepTarget NextStepId(StepNode step, string? outcome) => step.Follow(outcome);

    /// <summary>办结: the workflow reached <c>end</c>; whatever is still open is cancelled.</summary>
    public void Close()
    {
        if (tx.State.ActiveProcedure is { } procedure) Handlers.ProcedureHandler.Leave(tx, procedure.TokenId);
        // The 告知承诺 check outlives 办结: the office checks the pledge within its period after the decision.
        foreach (var task in tx.State.ActiveTasks.Where(t => !Handlers.PledgeHandler.IsCheckTask(t)).ToList())
            tx.Emit(new TaskCancelled(task.Id, "办件已办结 (case closed)"));
        var final = tx.State.Status == CaseStatus.Refused ? CaseStatus.Refused : CaseStatus.Completed;
        tx.Emit(new CaseClosed(final));
    }

    private StepNode Hop(StepNode node)
    {
        if (++_hops > MaxHopsPerCommand) throw Fail.RoutingLoop(node.Id);
        return node;
    }

    private void Run(string tokenId, StepNode step)
    {
        if (step is WorkNode { Procedure: { } procedure }) Handlers.ProcedureHandler.Enter(tx, tokenId, step, procedure);
        StepBehaviours.For(step.Kind).Enter(new StepEntry(tx, this, tokenId, step));
    }
}
