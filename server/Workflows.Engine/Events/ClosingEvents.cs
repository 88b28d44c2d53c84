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

/// <summary>送达: the result left the issuance window; recorded with the 统一出件 task.</summary>
public sealed record ResultDelivered(Workflows.Definitions.Model.Delivery Method, string? TrackingNumber, string? Recipient, string By) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Delivery = new DeliveryRecord(Method, TrackingNumber, Recipient, By, At),
    };
}

/// <summary>A bad rating opens 整改 for the item's department, due after the office's rectification limit.</summary>
public sealed record RectificationOpened(DateOnly OpenedOn, DateOnly Due) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Rectification = new Rectification(OpenedOn, Due),
    };
}

public sealed record RectificationCompleted(string Measures, string By) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Rectification = state.Rectification! with { Measures = Measures, By = By, CompletedAt = At },
    };
}
