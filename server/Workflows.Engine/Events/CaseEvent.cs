using System.Text.Json.Serialization;

namespace Workflows.Engine.Events;

/// <summary>
/// Something that happened to a case. Events carry every value the fold needs (ids, due dates,
/// paused days), so <see cref="CaseEvents.Apply"/> never consults the calendar or the definitions:
/// replaying the log reproduces the snapshot exactly. The JSON discriminators are the stored names:
/// never rename them.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CaseReceived), "case-received")]
[JsonDerivedType(typeof(CaseAccepted), "case-accepted")]
[JsonDerivedType(typeof(MaterialsDeferred), "materials-deferred")]
[JsonDerivedType(typeof(CaseRefused), "case-refused")]
[JsonDerivedType(typeof(SupplementRequested), "supplement-requested")]
[JsonDerivedType(typeof(MaterialsSupplemented), "materials-supplemented")]
[JsonDerivedType(typeof(CaseSuspended), "case-suspended")]
[JsonDerivedType(typeof(ClockResumed), "clock-resumed")]
[JsonDerivedType(typeof(CaseExtended), "case-extended")]
[JsonDerivedType(typeof(DeadlinesRecomputed), "deadlines-recomputed")]
[JsonDerivedType(typeof(DeadlineAlertRaised), "deadline-alert-raised")]
[JsonDerivedType(typeof(TokenCreated), "token-created")]
[JsonDerivedType(typeof(TokenMoved), "token-moved")]
[JsonDerivedType(typeof(TokenConsumed), "token-consumed")]
[JsonDerivedType(typeof(TimerScheduled), "timer-scheduled")]
[JsonDerivedType(typeof(TimerFired), "timer-fired")]
[JsonDerivedType(typeof(TaskCreated), "task-created")]
[JsonDerivedType(typeof(TaskClaimed), "task-claimed")]
[JsonDerivedType(typeof(TaskVoteCast), "task-vote-cast")]
[JsonDerivedType(typeof(TaskCompleted), "task-completed")]
[JsonDerivedType(typeof(TaskCancelled), "task-cancelled")]
[JsonDerivedType(typeof(TaskTransferred), "task-transferred")]
[JsonDerivedType(typeof(SignerAdded), "signer-added")]
[JsonDerivedType(typeof(DecisionRecorded), "decision-recorded")]
[JsonDerivedType(typeof(DocumentIssued), "document-issued")]
[JsonDerivedType(typeof(NotificationSent), "notification-sent")]
[JsonDerivedType(typeof(ActivityCompleted), "activity-completed")]
[JsonDerivedType(typeof(CaseUrged), "case-urged")]
[JsonDerivedType(typeof(CaseWithdrawn), "case-withdrawn")]
[JsonDerivedType(typeof(CaseClosed), "case-closed")]
[JsonDerivedType(typeof(CaseEvaluated), "case-evaluated")]
[JsonDerivedType(typeof(FileAttached), "file-attached")]
[JsonDerivedType(typeof(ResultDelivered), "result-delivered")]
[JsonDerivedType(typeof(RectificationOpened), "rectification-opened")]
[JsonDerivedType(typeof(RectificationCompleted), "rectification-completed")]
[JsonDerivedType(typeof(ProcedureStarted), "procedure-started")]
[JsonDerivedType(typeof(ProcedureEnded), "procedure-ended")]
[JsonDerivedType(typeof(PledgeChosen), "pledge-chosen")]
[JsonDerivedType(typeof(PledgeCheckOpened), "pledge-check-opened")]
[JsonDerivedType(typeof(PledgeChecked), "pledge-checked")]
[JsonDerivedType(typeof(DecisionRevoked), "decision-revoked")]
[JsonDerivedType(typeof(CatchUpReminded), "catch-up-reminded")]
[JsonDerivedType(typeof(CaseTerminated), "case-terminated")]
public abstract record CaseEvent
{
    /// <summary>When the command that produced the event ran (China time).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The case version after the command that produced the event.</summary>
    public int Version { get; init; }

    /// <summary>The fold step for this event. Internal: only the engine defines events.</summary>
    internal abstract State.CaseState ApplyTo(State.CaseState state);
}
