using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
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

    public Step StepOf(string stepId) =>
        tx.Workflow.Steps.FirstOrDefault(s => s.Id == stepId)
        ?? throw Fail.Workflow($"流程中没有步骤 {stepId} (unknown step)");

    /// <summary>A new token at <paramref name="stepId"/> (the start of the case, or a parallel branch).</summary>
    public void Start(string stepId, ForkScope? fork)
    {
        if (tx.State.IsClosed) return;
        if (stepId == Workflow.End)
        {
            Close();
            return;
        }

        var step = Hop(stepId);
        var tokenId = tx.NextTokenId();
        tx.Emit(new TokenCreated(tokenId, step.Id, fork));
        Run(tokenId, step);
    }

    public void MoveTo(string tokenId, string stepId)
    {
        if (tx.State.IsClosed) return;
        // Leaving a step that runs an excluded procedure restarts the clock before the next step counts.
        Handlers.ProcedureHandler.Leave(tx, tokenId);
        if (stepId == Workflow.End)
        {
            Close();
            return;
        }

        var step = Hop(stepId);
        tx.Emit(new TokenMoved(tokenId, step.Id));
        Run(tokenId, step);
    }

    /// <summary>Leaves a step by the given outcome (or by <c>next</c>).</summary>
    public void Leave(string tokenId, Step step, string? outcome) => MoveTo(tokenId, NextStepId(step, outcome));

    /// <summary>Validates an outcome before anything is recorded, so a wrong one changes nothing.</summary>
    public static string NextStepId(Step step, string? outcome)
    {
        if (step.Outcomes.Count > 0)
        {
            if (outcome is not null && step.Outcomes.TryGetValue(outcome, out var target)) return target;
            if (outcome is null && step.Next is not null) return step.Next;
            throw Fail.UnknownOutcome(step.Id, outcome, step.Outcomes.Keys);
        }

        // Steps without declared outcomes accept any outcome as a recorded opinion and follow next.
        return step.Next ?? throw Fail.Workflow($"步骤 {step.Id} 没有下一步 (the step has no next)");
    }

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

    private Step Hop(string stepId)
    {
        if (++_hops > MaxHopsPerCommand) throw Fail.RoutingLoop(stepId);
        return StepOf(stepId);
    }

    private void Run(string tokenId, Step step)
    {
        if (step.Procedure is { } procedure) Handlers.ProcedureHandler.Enter(tx, tokenId, step, procedure);
        StepBehaviours.For(step.Kind).Enter(new StepEntry(tx, this, tokenId, step));
    }
}
