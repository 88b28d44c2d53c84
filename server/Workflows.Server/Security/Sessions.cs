using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>
/// Server-side sessions. The cookie carries a random session id; each request checks it against the
/// shared store (cached for <see cref="SecuritySettings.SessionCheckCache"/> per node), so a sign-out
/// or a password change ends the session on every node within seconds, and the idle and absolute
/// lifetimes hold whatever the cookie says.
/// </summary>
public sealed class Sessions(ISecurityStore store, SecuritySettings settings, SecurityLog log)
{
    public const string SessionClaim = "workflows:session";

    private readonly ConcurrentDictionary<string, (StoredSession Session, DateTimeOffset CheckedAt)> _cache = new();

    private DateTimeOffset Now => settings.Time.GetUtcNow();

    public async Task<string> StartAsync(string userName, string address, CancellationToken ct)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        await store.CreateSessionAsync(new StoredSession(id, userName, Now, Now, Address: address), ct);
        return id;
    }

    public static string? IdOf(ClaimsPrincipal? principal) => principal?.FindFirst(SessionClaim)?.Value;

    /// <summary>Whether the session is live for this user; an idle or too old one is ended (and logged) here.</summary>
    public async Task<bool> IsLiveAsync(string? id, string userName, string address, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id)) return false;
        var now = Now;
        StoredSession? session;
        if (_cache.TryGetValue(id, out var cached) && now - cached.CheckedAt < settings.SessionCheckCache)
            session = cached.Session;
        else
        {
            session = await store.FindSessionAsync(id, ct);
            if (session is null) { _cache.TryRemove(id, out _); return false; }
            _cache[id] = (session, now);
        }
        if (session.RevokedAt is not null || session.UserName != userName) return false;
        // A lifetime ends when it is reached (>=): times come back from the store to whole microseconds,
        // so a strict > left a session alive at exactly its limit now and then.
        var ended = now - session.LastSeenAt >= settings.IdleTimeout ? "idle"
            : now - session.CreatedAt >= settings.AbsoluteLifetime ? "absolute" : null;
        if (ended is not null)
        {
            await EndAsync(id, ct);
            await log.WriteAsync(SecurityLog.SessionEnded, userName, address, ended == "idle" ? "空闲超时 (idle timeout)" : "会话已到最长时限 (absolute lifetime)", ct);
            return false;
        }
        // Written at most once a minute: the idle lifetime is minutes long, a write per request is waste.
        if (now - session.LastSeenAt > TimeSpan.FromMinutes(1))
        {
            await store.TouchSessionAsync(id, now, ct);
            _cache[id] = (session with { LastSeenAt = now }, now);
        }
        return true;
    }

    public async Task EndAsync(string id, CancellationToken ct)
    {
        await store.RevokeSessionAsync(id, Now, ct);
        _cache.TryRemove(id, out _);
    }

    public async Task<int> EndAllOfAsync(string userName, CancellationToken ct)
    {
        var count = await store.RevokeSessionsOfAsync(userName, Now, ct);
        foreach (var (key, value) in _cache) if (value.Session.UserName == userName) _cache.TryRemove(key, out _);
        return count;
    }
}
