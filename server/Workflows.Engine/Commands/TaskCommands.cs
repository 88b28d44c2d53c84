using Workflows.Engine.State;

namespace Workflows.Engine.Commands;

public sealed record Claim(Actor By, string TaskId) : CaseCommand;

/// <summary>
/// Decide a task. <see cref="Deficiencies"/> is the one-time notice when the outcome routes back to
/// the intake step (补正 requested by the back office).
/// </summary>
public sealed record CompleteTask(Actor By, string TaskId, string? Outcome, string? Opinion = null, IReadOnlyList<MaterialDeficiency>? Deficiencies = null) : CaseCommand
{
    /// <summary>送达: how the result left the issuance window (统一出件), recorded with the task.</summary>
    public ResultDelivery? Delivery { get; init; }
}

/// <summary>退回 to an earlier task step.</summary>
public sealed record Return(Actor By, string TaskId, string TargetStepId, string Reason) : CaseCommand;

/// <summary>转办 to another department role or window.</summary>
public sealed record Transfer(Actor By, string TaskId, TaskAssignee To, string Reason) : CaseCommand;

/// <summary>加签.</summary>
public sealed record AddSigner(Actor By, string TaskId, TaskAssignee Signer, string Reason) : CaseCommand;

/// <summary>催办: recorded and sent to the assignee; a null task urges the whole case.</summary>
public sealed record Urge(Actor By, string? TaskId, string Message) : CaseCommand;
