using Workflows.Server.Api;

namespace Workflows.Server.Security;

/// <summary>
/// The stable codes of the security layer (WF947x), kept apart from <see cref="Problems"/> so
/// other parts can add codes there without touching these.
/// </summary>
public static class SecurityProblems
{
    /// <summary>A write without the <see cref="CrossSiteWriteGuard.HeaderName"/> header: what a forged form or a cross-site page sends.</summary>
    public const string CrossSiteWrite = "WF9470";
    /// <summary>Too many failed sign-ins for the account or from the address: wait and try again.</summary>
    public const string SignInLocked = "WF9471";
    /// <summary>A password change whose current password is wrong or whose new password is too weak.</summary>
    public const string PasswordRejected = "WF9472";
    /// <summary>A JSON body that is not valid UTF-8.</summary>
    public const string InvalidUtf8 = "WF9473";
    /// <summary>A document the workflow does not issue for this item at the step the case is at.</summary>
    public const string DocumentNotIssuable = "WF9474";

    public static IResult MissingRequestHeader() =>
        Problems.Of(403, CrossSiteWrite, "请求缺少防跨站标头 (cross-site request refused)",
            $"修改数据的请求须带标头 {CrossSiteWriteGuard.HeaderName}: 1（网页界面会自动带上；表单或其他网站发起的请求不会）");

    public static IResult UnsupportedMediaType(string? contentType) =>
        Problems.Of(415, Problems.UnsupportedMediaType, "请求体类型不支持 (unsupported media type)",
            $"请求体应为 application/json（收到 {(string.IsNullOrEmpty(contentType) ? "无类型" : contentType)}）");
}
