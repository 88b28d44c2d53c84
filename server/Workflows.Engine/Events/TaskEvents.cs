using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Engine.Events;

public sealed record TaskCreated(
    string TaskId,
    string StepId,
    string? StepName,
    string TokenId,
    bool IsCountersign,
    SignMode Mode,
    IReadOnlyList<Signer> Signers,
    DateOnly CreatedOn,
    DateOnly? Due) : CaseEvent
{
    /// <summary>The due date is provisional (a year without a published schedule).</summary>
    public bool DueProvisional { get; init; }

    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Tasks = state.Tasks.Add(new CaseTask
        {
            Id = TaskId,
            StepId = StepId,
            StepName = StepName,
            TokenId = TokenId,
            IsCountersign = IsCountersign,
            Mode = Mode,
            Signers = Signers,
            CreatedOn = CreatedOn,
            Due = Due,
            DueProvisional = DueProvisional,
        }),
    };
}

public sealed record TaskClaimed(string TaskId, string UserId) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) =>
        state.UpdateTask(TaskId, task => task with { State = TaskState.Claimed, ClaimedBy = UserId });
}

/// <summary>One signer decided; the task completes separately once the sign mode is satisfied.</summary>
public sealed record TaskVoteCast(string TaskId, Vote Vote) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) =>
        state.UpdateTask(TaskId, task => task with { Votes = [.. task.Votes, Vote] });
}

public sealed record TaskCompleted(string TaskId, string? Outcome, string? Opinion, string UserId) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state.UpdateTask(TaskId, task => task with
    {
        State = TaskState.Completed,
        Outcome = Outcome,
        Opinion = Opinion,
        CompletedBy = UserId,
        ClosedAt = At,
    });
}

/// <summary>A task ends without an outcome: returned (退回), the other signers of an 或签, or the case closed.</summary>
public sealed record TaskCancelled(string TaskId, string Reason) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state.UpdateTask(TaskId, task => task with
    {
        State = TaskState.Cancelled,
        Opinion = task.Opinion ?? Reason,
        ClosedAt = At,
    });
}

/// <summary>转办: the primary signer changes; an existing claim lapses.</summary>
public sealed record TaskTransferred(string TaskId, TaskAssignee From, TaskAssignee To, string By, string Reason) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state.UpdateTask(TaskId, task => task with
    {
        Signers = [task.Signers[0] with { Assignee = To }, .. task.Signers.Skip(1)],
        State = TaskState.Open,
        ClaimedBy = null,
    });
}

/// <summary>加签: one more signer must decide before the task completes.</summary>
public sealed record SignerAdded(string TaskId, TaskAssignee Signer, string By, string Reason) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state.UpdateTask(TaskId, task => task with
    {
        Signers = [.. task.Signers, new Signer(Signer, Added: true, AddedBy: By)],
    });
}

/// <summary>准予 / 不予许可 / 不予受理 decided by a task outcome.</summary>
public sealed record DecisionRecorded(CaseDecision Decision, string StepId) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Decision = Decision,
        Status = Decision switch
        {
            CaseDecision.Granted => CaseStatus.Granted,
            CaseDecision.Denied => CaseStatus.Denied,
            _ => CaseStatus.Refused,
        },
    };
}
