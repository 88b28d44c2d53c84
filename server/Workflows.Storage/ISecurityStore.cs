namespace Workflows.Storage;

/// <summary>
/// Server-side sessions and the security log, shared by every node of a cluster (so a sign-out or
/// a password change ends a session everywhere, and failed sign-ins count across nodes).
/// The tables are created on first use by the store itself.
/// </summary>
public interface ISecurityStore
{
    Task CreateSessionAsync(StoredSession session, CancellationToken cancellationToken = default);

    Task<StoredSession?> FindSessionAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Records use of the session (for the idle lifetime).</summary>
    Task TouchSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task RevokeSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Ends every live session of the account; returns how many.</summary>
    Task<int> RevokeSessionsOfAsync(string userName, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task AppendSecurityEventAsync(SecurityEvent securityEvent, CancellationToken cancellationToken = default);

    /// <summary>Newest first, at most <paramref name="take"/>; each filter applies when given.</summary>
    Task<IReadOnlyList<SecurityEvent>> ReadSecurityEventsAsync(DateTimeOffset since, string? userName = null, string? address = null,
        int take = 200, CancellationToken cancellationToken = default);
}

/// <summary>A signed-in session. <paramref name="Id"/> is random and secret (it travels in the encrypted cookie only).</summary>
public sealed record StoredSession(string Id, string UserName, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt,
    DateTimeOffset? RevokedAt = null, string? Address = null);

/// <summary>
/// One entry of the security log: a sign-in, a failure, a lock, a sign-out, a password change, an
/// account or role change, a publish, a download of personal documents, a tablet paired or unpaired.
/// <paramref name="UserName"/> is who acted (or tried to); <paramref name="Target"/> what it was done to
/// (the account changed, the case whose document was downloaded, the device paired), when not the actor.
/// </summary>
public sealed record SecurityEvent(DateTimeOffset At, string Kind, string? UserName, string? Address, string? Detail = null, string? Target = null);
