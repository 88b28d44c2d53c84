using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>
/// The security log: every sign-in, failure, lock, sign-out, password change and ended session, every
/// account and role change, publish, download of personal documents and tablet pairing, in
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

    // Changes an admin or an editor makes, and what leaves the server with personal data.
    public const string AccountCreated = "account-created";
    /// <summary>Display name, roles, department or window changed (the detail lists the roles before and after).</summary>
    public const string AccountChanged = "account-changed";
    public const string AccountDisabled = "account-disabled";
    public const string AccountEnabled = "account-enabled";
    public const string PasswordReset = "password-reset";
    /// <summary>A definition version published from the designer (the target is the new version).</summary>
    public const string DefinitionsPublished = "definitions-published";
    /// <summary>A case file or a rendered document of a case downloaded (the target is the case).</summary>
    public const string PersonalDocumentDownloaded = "personal-document-downloaded";

    // The rating tablets (the user name is the admin, or kiosk:{device} for what the tablet does).
    public const string KioskDeviceCreated = "kiosk-device-created";
    public const string KioskPairingCode = "kiosk-pairing-code";
    public const string KioskPinSet = "kiosk-pin-set";
    public const string KioskPaired = "kiosk-paired";
    public const string KioskPairFailed = "kiosk-pair-failed";
    public const string KioskUnpaired = "kiosk-unpaired";
    public const string KioskPinFailed = "kiosk-pin-failed";
    public const string KioskPinLocked = "kiosk-pin-locked";
    public const string KioskExited = "kiosk-exited";

    /// <summary>Every kind in Chinese, in the order the admin's filter offers them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [SignedIn] = "登录成功", [SignInFailed] = "登录失败", [Locked] = "登录锁定", [SignInRefused] = "锁定期间登录被拒",
        [SignedOut] = "退出登录", [PasswordChanged] = "修改密码", [PasswordChangeFailed] = "修改密码失败", [SessionEnded] = "会话结束",
        [AccountCreated] = "新建账号", [AccountChanged] = "账号或角色变更", [AccountDisabled] = "停用账号", [AccountEnabled] = "启用账号",
        [PasswordReset] = "重置密码", [DefinitionsPublished] = "发布事项定义", [PersonalDocumentDownloaded] = "下载个人文件",
        [KioskDeviceCreated] = "新建评价器", [KioskPairingCode] = "评价器配对码", [KioskPinSet] = "设置评价器 PIN", [KioskPaired] = "评价器配对",
        [KioskPairFailed] = "评价器配对失败", [KioskUnpaired] = "解除评价器配对", [KioskPinFailed] = "评价器 PIN 错误",
        [KioskPinLocked] = "评价器 PIN 锁定", [KioskExited] = "评价器退出",
    };

    public static string LabelOf(string kind) => Labels.TryGetValue(kind, out var label) ? label : kind;

    public DateTimeOffset Now => settings.Time.GetUtcNow();

    public Task WriteAsync(string kind, string? userName, string? address, string? detail = null, CancellationToken ct = default) =>
        WriteAsync(kind, userName, address, detail, target: null, ct);

    /// <summary>An event done to <paramref name="target"/> (an account, a case, a device, a version) by <paramref name="userName"/>.</summary>
    public async Task WriteAsync(string kind, string? userName, string? address, string? detail, string? target, CancellationToken ct = default)
    {
        await store.AppendSecurityEventAsync(new SecurityEvent(Now, kind, userName, address, detail, target), ct);
        logger.LogInformation("安全事件 (security event) {Kind} 用户 {User} 对象 {Target} 地址 {Address} {Detail}", kind, userName, target, address, detail);
    }

    /// <summary>The same, with the actor and address of the request.</summary>
    public Task WriteAsync(HttpContext context, string kind, string? detail, string? target) =>
        WriteAsync(kind, context.User.Identity?.Name, AddressOf(context), detail, target, context.RequestAborted);

    /// <summary>The client's address: the connection's, or the proxy's X-Forwarded-For when <see cref="SecuritySettings.TrustForwardedHeaders"/>.</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
