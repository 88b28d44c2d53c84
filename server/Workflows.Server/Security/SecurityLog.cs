using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>
/// The security log: every sign-in, failure, lock, sign-out, password change and ended session, in
/// the store (shared by all nodes, readable by admins at <c>/api/security/events</c>) and in the
/// server log.
/// </summary>
public sealed class SecurityLog(ISecurityStore store, SecuritySettings settings, ILogger<SecurityLog> logger)
{
    public const string SignedIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    /// <summary>The failure that reached the limit: the account or address is now locked.</summary>
    public const string Locked = "sign-in-locked";
    /// <summary>An attempt while locked (not counted as a failure: the password was not even tried).</summary>
    public const string SignInRefused = "sign-in-refused";
    public const string SignedOut = "sign-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordChangeFailed = "password-change-failed";
    public const string SessionEnded = "session-ended";

    public DateTimeOffset Now => settings.Time.GetUtcNow();

    public async Task WriteAsync(string kind, string? userName, string? address, string? detail = null, CancellationToken ct = default)
    {
        await store.AppendSecurityEventAsync(new SecurityEvent(Now, kind, userName, address, detail), ct);
        logger.LogInformation("安全事件 (security event) {Kind} 用户 {User} 地址 {Address} {Detail}", kind, userName, address, detail);
    }

    /// <summary>The client's address: the connection's, or the proxy's X-Forwarded-For when <see cref="SecuritySettings.TrustForwardedHeaders"/>.</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
