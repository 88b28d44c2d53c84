namespace Workflows.Storage;

/// <summary>
/// The whole storage contract of the case engine: a deliberately small set of operations
/// (Hangfire / Marten style) that every provider implements and one compliance suite checks.
/// Case state and events are opaque JSON; the store only understands the index columns of
/// <see cref="CaseIndex"/>, the event sequence and the hash chain.
/// </summary>
public interface ICaseStore : IAsyncDisposable
{
    /// <summary>
    /// Allocates the next case number for the office and year (gap-free: a creation that fails
    /// or is rolled back consumes no number) and inserts the case, its first events, its snapshot
    /// and its timers in one transaction.
    /// </summary>
    /// <exception cref="DuplicateCaseException">A case with the same id already exists.</exception>
    Task<CreateResult> CreateCaseAsync(NewCase newCase, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends events, replaces the snapshot and schedules timers in one transaction, provided
    /// the case is still at <paramref name="expectedVersion"/> (optimistic concurrency).
    /// </summary>
    Task<AppendResult> AppendAsync(
        Guid caseId,
        long expectedVersion,
        CaseChange change,
        IdempotencyKey? idempotencyKey = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// The request an idempotency key was first stored with, or null when the key is new. Lets a
    /// service answer a retry before running the command again (the case may have moved on since).
    /// </summary>
    Task<PriorRequest?> FindRequestAsync(IdempotencyKey key, CancellationToken cancellationToken = default);

    /// <summary>The current snapshot and version, or null when the case does not exist.</summary>
    Task<StoredCase?> LoadAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>The case's events in sequence order (empty when the case does not exist).</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>Cases matching every given filter, newest first, one page at a time.</summary>
    Task<CasePage> SearchAsync(CaseQuery query, CancellationToken cancellationToken = default);

    /// <summary>Recomputes every case's hash chain and returns each broken link (empty when intact).</summary>
    Task<IReadOnlyList<ChainBreak>> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or moves a pending timer. A timer that has already fired stays fired: schedule a
    /// new id to fire again, so a late retry cannot make one timer fire twice.
    /// </summary>
    Task ScheduleAsync(ScheduledTimer timer, CancellationToken cancellationToken = default);

    /// <summary>Removes a timer that has not fired yet (no-op otherwise).</summary>
    Task CancelTimerAsync(string timerId, CancellationToken cancellationToken = default);

    /// <summary>Every timer not yet fired, due or not: what a scheduler rebuilds after a restart.</summary>
    Task<IReadOnlyList<ScheduledTimer>> PendingTimersAsync(CancellationToken cancellationToken = default);

    /// <summary>Timers not yet fired whose due time is at or before <paramref name="now"/>.</summary>
    Task<IReadOnlyList<ScheduledTimer>> DueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims a timer: true for exactly one caller, however many processes race for it; false
    /// when it already fired, was cancelled or never existed.
    /// </summary>
    Task<bool> MarkFiredAsync(string timerId, DateTimeOffset firedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Fires a timer atomically: claims it and appends what <paramref name="tick"/> builds from the
    /// case (its events, snapshot, timers and intents) in one transaction, so a crash can neither
    /// lose the wake (claimed, never ticked) nor fire it twice. <paramref name="tick"/> runs inside
    /// the transaction: keep it quick and free of IO; null means nothing to append (the claim still
    /// commits). When it throws, nothing is written and the timer stays pending.
    /// </summary>
    Task<TimerFiring> FireTimerAsync(string timerId, DateTimeOffset firedAt, Func<StoredCase, CaseChange?> tick, CancellationToken cancellationToken = default);
}
