using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>
/// The security log: every sign-in, failure, lock, sign-out, password change and ended session, every
/// account and role change, publish, download of personal documents, tablet pairing and credit mark (信用记录), in
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
    /// <summary>The daily check found next year's calendar unpublished within the warning period (CalendarYearCheck).</summary>
    public const string CalendarYearMissing = "calendar-year-missing";
    /// <summary>A publish held for review (office.yaml designer.review-before-publish; the target is the pending commit).</summary>
    public const string ReviewRequested = "definitions-review-requested";
    /// <summary>A second admin approved a pending change (the target is the commit, which goes live as it is).</summary>
    public const string ReviewApproved = "definitions-review-approved";
    /// <summary>A pending change rejected by an admin or withdrawn by its author.</summary>
    public const string ReviewRejected = "definitions-review-rejected";
    /// <summary>A case file or a rendered document of a case downloaded (the target is the case).</summary>
    public const string PersonalDocumentDownloaded = "personal-document-downloaded";

    // 信用记录 (CreditMarkAdministration): a 失信 mark entered, a mark lifted (信用修复); the target is the mark.
    public const string CreditMarkAdded = "credit-mark-added";
    public const string CreditMarkLifted = "credit-mark-lifted";

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
        [ReviewRequested] = "提交发布复核", [ReviewApproved] = "批准发布", [ReviewRejected] = "退回发布",
        [CalendarYearMissing] = "缺少下一年工作日历", [CreditMarkAdded] = "新增失信记录", [CreditMarkLifted] = "信用修复（解除信用记录）",
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
