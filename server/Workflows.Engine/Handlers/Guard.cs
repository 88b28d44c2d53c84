using Workflows.Engine.Errors;
using Workflows.Engine.Execution;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>Preconditions shared by the handlers.</summary>
internal static class Guard
{
    public static void StatusIs(CaseTransaction tx, string action, params CaseStatus[] allowed)
    {
        var status = tx.State.Status;
        if (tx.State.IsClosed || !allowed.Contains(status)) throw Fail.Status(action, status);
    }

    /// <summary>Back-office work goes on: accepted, not paused, not closed.</summary>
    public static void Running(CaseTransaction tx, string action)
    {
        if (tx.State.IsClosed || !tx.State.Status.IsRunning()) throw Fail.Status(action, tx.State.Status);
    }

    public static void NotClosed(CaseTransaction tx, string action)
    {
        if (tx.State.IsClosed) throw Fail.Status(action, tx.State.Status);
    }

    /// <summary>Work that goes on after 办结 (the 告知承诺 check) stops once the decision is revoked.</summary>
    public static void NotRevoked(CaseTransaction tx, string action)
    {
        if (tx.State.Status == CaseStatus.Revoked) throw Fail.Status(action, tx.State.Status);
    }

    public static CaseTask ActiveTask(CaseTransaction tx, string taskId)
    {
        var task = tx.State.Task(taskId) ?? throw Fail.TaskNotFound(taskId);
        if (!task.IsActive) throw Fail.TaskNotOpen(taskId, task.State);
        return task;
    }

    public static void Text(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Fail.Invalid($"{what}不能为空 ({what} is required)");
    }

    /// <summary>The actor works on the task as one of its signers, and nobody else holds the claim.</summary>
    public static void MayWorkOn(CaseTask task, Actor actor)
    {
        if (!task.Signers.Any(s => actor.Fits(s.Assignee))) throw Fail.NotTheAssignee(task.Id, actor.UserId);
        if (!task.IsCountersign && task.ClaimedBy is { } claimant && claimant != actor.UserId)
            throw Fail.ClaimedByOther(task.Id, claimant);
    }
}
