using Workflows.Definitions.Model;

namespace Workflows.Engine.State;

public enum TaskState
{
    Open,
    Claimed,
    Completed,
    Cancelled,
}

/// <summary>One assignee of a task. A plain task has one signer; a countersign several; 加签 appends with <see cref="Added"/>.</summary>
public sealed record Signer(TaskAssignee Assignee, bool Added = false, string? AddedBy = null);

/// <summary>A signer's decision on a task.</summary>
public sealed record Vote(int SignerIndex, string UserId, string? Outcome, string? Opinion, DateTimeOffset At);

/// <summary>
/// A unit of human work at a task or countersign step. Plain tasks are countersigns of one signer
/// in <see cref="SignMode.All"/> mode, so adding a signer needs no special case.
/// </summary>
public sealed record CaseTask
{
    public required string Id { get; init; }
    public required string StepId { get; init; }
    public string? StepName { get; init; }
    public required string TokenId { get; init; }
    public bool IsCountersign { get; init; }
    public SignMode Mode { get; init; } = SignMode.All;
    public IReadOnlyList<Signer> Signers { get; init; } = [];
    public IReadOnlyList<Vote> Votes { get; init; } = [];
    public TaskState State { get; init; } = TaskState.Open;
    public string? ClaimedBy { get; init; }
    public DateOnly CreatedOn { get; init; }
    public DateOnly? Due { get; init; }
    /// <summary>The due date was counted through a year without a published schedule (暂定).</summary>
    public bool DueProvisional { get; init; }
    /// <summary>Working days the due date was moved by paused intervals, so warnings measure only counted time.</summary>
    public int PausedWorkingDays { get; init; }
    public string? Outcome { get; init; }
    public string? Opinion { get; init; }
    public string? CompletedBy { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The primary assignee (the first signer).</summary>
    public TaskAssignee Assignee => Signers[0].Assignee;

    public bool IsActive => State is TaskState.Open or TaskState.Claimed;

    public IEnumerable<int> PendingSignerIndexes =>
        Enumerable.Range(0, Signers.Count).Where(i => Votes.All(v => v.SignerIndex != i));
}
