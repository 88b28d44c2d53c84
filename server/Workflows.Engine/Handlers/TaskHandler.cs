using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Graph;
using Workflows.Engine.Intents;
using Workflows.Engine.Ports;
using Workflows.Engine.Routing;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>签收, 办理 (outcome and opinion, countersign votes) and 催办.</summary>
internal static class TaskHandler
{
    public static void Claim(CaseTransaction tx, Claim command)
    {
        if (tx.State.Task(command.TaskId) is { } check && PledgeHandler.IsCheckTask(check)) Guard.NotRevoked(tx, "签收");
        else if (!IsAcceptanceTask(tx, command.TaskId)) Guard.Running(tx, "签收");
        else Guard.StatusIs(tx, "签收", CaseStatus.Received);
        var task = Guard.ActiveTask(tx, command.TaskId);
        Guard.MayWorkOn(task, command.By);
        if (task.ClaimedBy == command.By.UserId) return; // claiming twice is a harmless retry
        tx.Emit(new TaskClaimed(task.Id, command.By.UserId));
    }

    public static void Complete(CaseTransaction tx, CompleteTask command)
    {
        if (IsAcceptanceTask(tx, command.TaskId))
        {
            BackOfficeAcceptance.Decide(tx, command, Guard.ActiveTask(tx, command.TaskId), BackOfficeAcceptance.StepOf(tx)!);
            return;
        }

        if (tx.State.Task(command.TaskId) is { } check && PledgeHandler.IsCheckTask(check))
            throw Fail.NoPledgeCheck("告知承诺核查任务须提交核查结果（check-pledge：承诺属实或不实） (complete a pledge check with its finding)");
        Guard.Running(tx, "办理");
        var task = Guard.ActiveTask(tx, command.TaskId);
        Guard.MayWorkOn(task, command.By);
        var step = tx.Router.StepOf(task.StepId);
        // Checked before anything is recorded, so a mistyped outcome changes nothing.
        Router.NextStepId(step, command.Outcome);

        var signerIndex = task.PendingSignerIndexes.FirstOrDefault(i => command.By.Fits(task.Signers[i].Assignee), -1);
        if (signerIndex < 0) throw Fail.AlreadySigned(task.Id, command.By.UserId);
        tx.Emit(new TaskVoteCast(task.Id, new Vote(signerIndex, command.By.UserId, command.Outcome, command.Opinion, tx.Now)));

        task = tx.State.Task(task.Id)!;
        if (task.Mode == SignMode.All && task.PendingSignerIndexes.Any()) return;

        var outcome = task.Mode == SignMode.Any ? command.Outcome : CountersignOutcome(task, step);
        var opinion = task.Votes.Count == 1 ? command.Opinion : JoinOpinions(task);
        if (command.Delivery is { } delivery)
        {
            if (delivery.Method == Delivery.Courier && string.IsNullOrWhiteSpace(delivery.TrackingNumber)) throw Fail.TrackingNumberRequired();
            tx.Emit(new ResultDelivered(delivery.Method, delivery.TrackingNumber?.Trim(), delivery.Recipient, command.By.UserId));
        }
        tx.Emit(new TaskCompleted(task.Id, outcome, opinion, command.By.UserId));
        RecordDecision(tx, step, outcome);
        tx.PendingNotice = command.Deficiencies is { Count: > 0 } deficiencies ? new PendingNotice(deficiencies, command.By.UserId) : null;
        if (tx.PendingNotice is not null) SupplementHandler.ValidateNotice(tx, tx.PendingNotice.Deficiencies);
        tx.Router.Leave(task.TokenId, step, outcome);
    }

    /// <summary>The department's acceptance decision (前台收件、后台受理): worked on before acceptance.</summary>
    private static bool IsAcceptanceTask(CaseTransaction tx, string taskId) =>
        tx.State.Task(taskId) is { } task && BackOfficeAcceptance.StepOf(tx)?.Id == task.StepId;

    public static void Urge(CaseTransaction tx, Urge command)
    {
        Guard.NotClosed(tx, "催办");
        Guard.Text(command.Message, "催办内容");
        if (command.TaskId is not null) Guard.ActiveTask(tx, command.TaskId);
        tx.Emit(new CaseUrged(command.TaskId, command.By.UserId, command.Message));
        tx.Intend(new Notify(new CaseNotification(NotificationKind.Urge, TaskId: command.TaskId, Message: command.Message)));
    }

    /// <summary>
    /// 会签: unanimous votes carry their outcome. Otherwise the first dissent (a vote other than the
    /// step's first, affirmative outcome) decides, so one department can stop a joint approval.
    /// </summary>
    private static string? CountersignOutcome(CaseTask task, StepNode step)
    {
        var votes = task.Votes.OrderBy(v => v.SignerIndex).ToList();
        if (votes.Select(v => v.Outcome).Distinct().Count() == 1) return votes[0].Outcome;
        var affirmative = step.OutcomeNames.FirstOrDefault();
        return votes.FirstOrDefault(v => v.Outcome != affirmative)?.Outcome ?? votes[^1].Outcome;
    }

    private static string JoinOpinions(CaseTask task) =>
        string.Join("；", task.Votes.Where(v => !string.IsNullOrWhiteSpace(v.Opinion)).Select(v => $"{task.Signers[v.SignerIndex].Assignee}：{v.Opinion}"));

    /// <summary>The well-known outcomes (DOMAIN §1) also decide the case.</summary>
    private static void RecordDecision(CaseTransaction tx, StepNode step, string? outcome)
    {
        CaseDecision? decision = outcome switch
        {
            "grant" => CaseDecision.Granted,
            "deny" => CaseDecision.Denied,
            "refuse" => CaseDecision.Refused,
            _ => null,
        };
        if (decision is { } d) tx.Emit(new DecisionRecorded(d, step.Id));
        if (decision == CaseDecision.Granted) PledgeHandler.OpenCheck(tx);
    }
}
