using Workflows.Definitions.Validation;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Graph;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>
/// 前台收件、后台受理 (DOMAIN §3): the window only receives; the step after intake is the department's
/// acceptance decision, due by the acceptance clock (art. 32). Its outcomes are the only decisions
/// before acceptance: <c>accept</c>, <c>supplement</c> (the one-time notice, back to the window)
/// and <c>refuse</c> (不予受理, with reasons). The window's own acceptance commands are refused.
/// </summary>
internal static class BackOfficeAcceptance
{
    /// <summary>The department's acceptance step when the item uses 前台收件、后台受理, else null (委托受理 at the window).</summary>
    public static TaskNode? StepOf(CaseTransaction tx) => tx.Workflow.BackOfficeAcceptance;

    public static bool IsAcceptanceStep(CaseTransaction tx, StepNode step) => StepOf(tx)?.Id == step.Id;

    /// <summary>A window command that decides acceptance: refused when the department decides it.</summary>
    public static void RefuseWindowDecision(CaseTransaction tx, string action)
    {
        if (StepOf(tx) is { } step) throw Fail.AcceptanceByDepartment(action, step.Label);
    }

    /// <summary>The acceptance task's due date: the acceptance clock, not a step limit.</summary>
    public static DateOnly? DueOf(CaseTransaction tx, StepNode step) =>
        IsAcceptanceStep(tx, step) ? tx.State.Clocks.AcceptanceDue : null;

    public static void Decide(CaseTransaction tx, CompleteTask command, CaseTask task, TaskNode step)
    {
        Guard.StatusIs(tx, "受理决定", CaseStatus.Received);
        Guard.MayWorkOn(task, command.By);
        Routing.Router.NextStepId(step, command.Outcome);
        switch (command.Outcome)
        {
            case AcceptanceSetUpRules.Accept:
                IntakeHandler.RequireAcceptable(tx, pledgeSigned: false);
                IntakeHandler.AcceptOn(tx, tx.Today, command.By.UserId, byLapse: false);
                tx.Emit(new TaskCompleted(task.Id, command.Outcome, command.Opinion, command.By.UserId));
                tx.Router.Leave(task.TokenId, step, command.Outcome);
                break;
            case AcceptanceSetUpRules.Supplement:
                SupplementHandler.ValidateNotice(tx, command.Deficiencies);
                tx.Emit(new TaskCompleted(task.Id, command.Outcome, command.Opinion, command.By.UserId));
                tx.PendingNotice = new PendingNotice(command.Deficiencies!, command.By.UserId);
                tx.Router.Leave(task.TokenId, step, command.Outcome);
                break;
            case AcceptanceSetUpRules.Refuse:
                // The reasons are printed on the 不予受理通知书 (art. 32, 38): one per line of the opinion.
                Guard.Text(command.Opinion, "不予受理理由");
                tx.Emit(new TaskCompleted(task.Id, command.Outcome, command.Opinion, command.By.UserId));
                tx.Emit(new DecisionRecorded(CaseDecision.Refused, step.Id));
                tx.Router.Leave(task.TokenId, step, command.Outcome);
                break;
            default:
                throw Fail.UnknownOutcome(step.Id, command.Outcome, step.OutcomeNames);
        }
    }

    /// <summary>Art. 32: no decision in time means accepted; the department's open acceptance task is closed by the lapse.</summary>
    public static void LeaveByLapse(CaseTransaction tx)
    {
        if (StepOf(tx) is not { } step) return;
        foreach (var task in tx.State.ActiveTasks.Where(t => t.StepId == step.Id).ToList())
        {
            tx.Emit(new TaskCancelled(task.Id, "受理期限届满未作决定，依法视为受理 (deemed accepted)"));
            tx.Router.Leave(task.TokenId, step, AcceptanceSetUpRules.Accept);
        }
    }
}
