using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Graph;

namespace Workflows.Engine.Handlers;

/// <summary>退回, 转办 and 加签: the task's work moves to someone else without a decision.</summary>
internal static class TaskReassignmentHandler
{
    public static void Return(CaseTransaction tx, Return command)
    {
        Guard.Running(tx, "退回");
        var task = Guard.ActiveTask(tx, command.TaskId);
        Guard.MayWorkOn(task, command.By);
        Guard.Text(command.Reason, "退回理由");
        // Only back to a human step this case has already passed through, never forwards or sideways.
        var target = tx.Workflow.Find(command.TargetStepId);
        if (target is not WorkNode || target.Id == task.StepId || !tx.State.VisitedSteps.Contains(target.Id))
            throw Fail.ReturnTarget(command.TargetStepId);

        tx.Emit(new TaskCancelled(task.Id, $"退回至{target.Label}：{command.Reason}"));
        tx.Router.MoveTo(task.TokenId, target);
    }

    public static void Transfer(CaseTransaction tx, Transfer command)
    {
        Guard.Running(tx, "转办");
        var task = Guard.ActiveTask(tx, command.TaskId);
        if (task.IsCountersign) throw Fail.Invalid("会签任务不能转办，请加签 (a countersign cannot be transferred; add a signer)");
        Guard.MayWorkOn(task, command.By);
        Guard.Text(command.Reason, "转办理由");
        if (command.To.Window is null && (command.To.Department is null || command.To.Role is null))
            throw Fail.Invalid("转办须指定窗口或部门及角色 (name a window, or a department and a role)");
        tx.Emit(new TaskTransferred(task.Id, task.Assignee, command.To, command.By.UserId, command.Reason));
    }

    public static void AddSigner(CaseTransaction tx, AddSigner command)
    {
        Guard.Running(tx, "加签");
        var task = Guard.ActiveTask(tx, command.TaskId);
        Guard.MayWorkOn(task, command.By);
        Guard.Text(command.Reason, "加签理由");
        if (task.PendingSignerIndexes.Any(i => task.Signers[i].Assignee == command.Signer))
            throw Fail.AlreadySigned(task.Id, command.Signer.ToString());
        tx.Emit(new SignerAdded(task.Id, command.Signer, command.By.UserId, command.Reason));
    }
}
