using Workflows.Engine.State;

namespace Workflows.Engine.Events;

public sealed record CaseUrged(string? TaskId, string By, string Message) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Urges = state.Urges.Add(new UrgeRecord(TaskId, By, Message, At)),
    };
}

/// <summary>撤回 by the applicant: the case closes, open tasks were cancelled before.</summary>
public sealed record CaseWithdrawn(string Reason, string By) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Status = CaseStatus.Withdrawn,
        WithdrawalReason = Reason,
        Tokens = [],
        ClosedAt = At,
    };
}

/// <summary>The workflow reached <c>end</c> (办结). A case refused by a task outcome stays Refused.</summary>
public sealed record CaseClosed(CaseStatus FinalStatus) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Status = FinalStatus,
        Tokens = [],
        ClosedAt = At,
    };
}

public sealed record CaseEvaluated(EvaluationLevel Level, string? Comment, string? By) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Evaluation = new Evaluation(Level, Comment, By, At),
    };
}
