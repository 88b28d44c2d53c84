using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Handlers;
using Workflows.Engine.Ports;
using Workflows.Engine.State;

namespace Workflows.Engine.Execution;

/// <summary>
/// The pure case engine: state + command → events + intents + new state. It never throws for a caller's
/// mistake: rule violations come back as <see cref="CommandResult.Error"/>.
/// </summary>
public static class CaseEngine
{
    public static CommandResult Execute(CaseState? state, CaseCommand command, EngineContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var now = command is Tick tick ? tick.Now : context.Clock.Now;
        var tx = new CaseTransaction(state, context, now);
        try
        {
            if (state is null && command is not ReceiveMaterials) throw Fail.CaseNotFound();
            Dispatch(tx, command);
            return CommandResult.Success(tx.Events, tx.Intents, tx.StateOrNull);
        }
        catch (CaseRuleViolation violation)
        {
            return CommandResult.Failure(violation.Error, state);
        }
    }

    private static void Dispatch(CaseTransaction tx, CaseCommand command)
    {
        switch (command)
        {
            case ReceiveMaterials c: IntakeHandler.Receive(tx, c); break;
            case Accept c: IntakeHandler.Accept(tx, c); break;
            case AcceptWithDeferral c: IntakeHandler.AcceptWithDeferral(tx, c); break;
            case Refuse c: IntakeHandler.Refuse(tx, c); break;
            case RequestSupplement c: SupplementHandler.Request(tx, c); break;
            case Supplement c: SupplementHandler.Supplement(tx, c); break;
            case Claim c: TaskHandler.Claim(tx, c); break;
            case CompleteTask c: TaskHandler.Complete(tx, c); break;
            case Return c: TaskReassignmentHandler.Return(tx, c); break;
            case Transfer c: TaskReassignmentHandler.Transfer(tx, c); break;
            case AddSigner c: TaskReassignmentHandler.AddSigner(tx, c); break;
            case Urge c: TaskHandler.Urge(tx, c); break;
            case Suspend c: ClockHandler.Suspend(tx, c); break;
            case Resume c: ClockHandler.Resume(tx, c); break;
            case Extend c: ClockHandler.Extend(tx, c); break;
            case RecomputeDeadlines c: RecomputeHandler.Recompute(tx, c); break;
            case Tick: TickHandler.Tick(tx); break;
            case Withdraw c: ClosingHandler.Withdraw(tx, c); break;
            case Terminate c: DeferralHandler.Terminate(tx, c); break;
            case IssueDocument c: ClosingHandler.Issue(tx, c); break;
            case Evaluate c: ClosingHandler.Evaluate(tx, c); break;
            case Rectify c: ClosingHandler.Rectify(tx, c); break;
            case AttachFile c: AttachmentHandler.Attach(tx, c); break;
            case ChoosePledge c: PledgeHandler.Choose(tx, c); break;
            case CheckPledge c: PledgeHandler.Check(tx, c); break;
            default: throw Fail.Invalid($"未知命令 {command.GetType().Name} (unknown command)");
        }
    }
}
