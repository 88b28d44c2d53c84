using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>Small pieces of signing in: the dummy hash, the principal with its session, the lock answer.</summary>
public static class SignInTiming
{
    /// <summary>A hash of a random password with the real parameters: checking it costs what checking a real account costs.</summary>
    public static readonly string DummyHash = PasswordHasher.Hash(Guid.NewGuid().ToString("N"));

    public static ClaimsPrincipal WithSession(StoredAccount account, string session)
    {
        var principal = CurrentUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme);
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(Sessions.SessionClaim, session));
        return principal;
    }

    public static IResult Locked(HttpContext context, TimeSpan remaining)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(remaining.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Of(429, SecurityProblems.SignInLocked, "登录失败次数过多，已暂时锁定 (too many failed sign-ins)",
            $"请 {Math.Max(1, (seconds + 59) / 60)} 分钟后再试，或联系管理员", new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds });
    }
}
