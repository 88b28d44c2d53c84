namespace Workflows.Storage;

/// <summary>An effect to carry out once its command is committed (<see cref="CaseChange.Intents"/>).</summary>
/// <param name="Id">Unique; the effect runner's job and every receiver de-duplicate on it.</param>
/// <param name="Kind">What to do, e.g. <c>document.render</c>.</param>
/// <param name="Payload">Opaque JSON for the runner.</param>
public sealed record NewIntent(string Id, string Kind, string Payload);

/// <summary>An intent as the outbox keeps it.</summary>
/// <param name="Attempts">How many times it was claimed.</param>
/// <param name="LastError">Why the last attempt failed (null after a success or before any).</param>
/// <param name="Failed">True once its last retry failed, until it succeeds: it waits for an operator (it can still be claimed).</param>
public sealed record StoredIntent(
    string Id, Guid CaseId, long Version, string Kind, string Payload, DateTimeOffset CreatedAt,
    int Attempts, string? LastError, bool Failed, DateTimeOffset? DoneAt);

/// <summary>
/// The outbox: intents are written with their command's events (<see cref="ICaseStore.AppendAsync"/>,
/// <see cref="ICaseStore.CreateCaseAsync"/>) and handed out here. A claim leases an intent to one
/// runner at a time (across processes and nodes); a runner that dies leaves its lease to expire,
/// and the sweep hands the intent out again. An intent is completed once.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Leases the intent until <paramref name="now"/> + <paramref name="lease"/> and counts the
    /// attempt; null when it is done, leased by another runner, or unknown.
    /// </summary>
    Task<StoredIntent?> ClaimIntentAsync(string id, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks the intent done: true for exactly one caller.</summary>
    Task<bool> CompleteIntentAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a failed attempt and releases the lease; <paramref name="final"/> when no retry follows.
    /// A final failure stays until the intent succeeds: an operator's run that fails again keeps it failed.
    /// </summary>
    Task FailIntentAsync(string id, string error, bool final, CancellationToken cancellationToken = default);

    /// <summary>Intents not done, created at or before <paramref name="createdBefore"/>, whose lease (if any) has expired at <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredIntent>> PendingIntentsAsync(DateTimeOffset createdBefore, DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>The intent, done or not, or null.</summary>
    Task<StoredIntent?> FindIntentAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an intent that belongs to no case command (the daily supervision digest), under
    /// <see cref="Guid.Empty"/> and version 0; false when an intent with that id exists already, so a
    /// job that runs twice for the same day writes it once.
    /// </summary>
    Task<bool> AddIntentAsync(NewIntent intent, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every intent of a case, oldest first (the case's timeline shows pending and failed effects).</summary>
    Task<IReadOnlyList<StoredIntent>> IntentsOfCaseAsync(Guid caseId, CancellationToken cancellationToken = default);
}
