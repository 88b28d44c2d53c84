using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workflows.Server.Auth;
using Workflows.Server.Security;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>Sign in, sign out, and who am I.</summary>
public static class AuthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("登录 auth");
        auth.MapPost("/login", Login).WithSummary("登录：用户名和密码，成功后设置会话 Cookie (sign in)")
            .Accepts<SignInRequest>("application/json").Produces<UserView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/logout", Logout).WithSummary("退出登录 (sign out)").Produces(StatusCodes.Status204NoContent);
        auth.MapGet("/me", Me).WithSummary("当前用户 (the signed-in account)").Produces<UserView>().ProducesProblem(StatusCodes.Status401Unauthorized);
        auth.MapGet("/session", Session).WithSummary("会话状态：是否已登录及当前用户，未登录也返回 200 (whether signed in)").Produces<SessionView>();
    }

    private static async Task<IResult> Login(HttpContext context, IAccountStore accounts, SignInLimiter limiter, SecurityLog log, Sessions sessions)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var userName = body!["userName"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["userName"] : null;
        var password = body["password"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["password"] : null;
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password) || userName.Length > 100)
            return Problems.Invalid("需要 userName 和 password");
        var name = userName.Trim();
        var address = SecurityLog.AddressOf(context);
        var ct = context.RequestAborted;
        var account = await accounts.FindAccountAsync(name, ct);
        // The same work for every name: an unknown one is checked against a dummy hash, so the answer's
        // time does not tell which user names exist.
        var passwordMatches = PasswordHasher.Verify(password, account?.PasswordHash ?? SignInTiming.DummyHash);
        if (await limiter.FindLockAsync(name, address, ct) is { } locked)
        {
            await log.WriteAsync(SecurityLog.SignInRefused, name, address, $"{locked.Scope} 已锁定至 {locked.Until:O}", ct);
            return SignInTiming.Locked(context, locked.Until - log.Now);
        }
        // One answer for "no such user", "wrong password" and "disabled": nothing to probe accounts with.
        if (account is null || account.Disabled || !passwordMatches)
        {
            await log.WriteAsync(SecurityLog.SignInFailed, name, address, account is null ? "无此账号 (unknown user)" : account.Disabled ? "账号已停用 (disabled)" : "密码错误 (wrong password)", ct);
            if (await limiter.JustLockedAsync(name, address, ct) is { } now)
                await log.WriteAsync(SecurityLog.Locked, now.Scope == "account" ? name : null, address, $"{now.Scope} {now.Subject}：{now.Failures} 次失败，锁定至 {now.Until:O}", ct);
            return Problems.Of(401, Problems.Unauthenticated, "用户名或密码错误 (wrong user name or password)");
        }
        var session = await sessions.StartAsync(account.UserName, address, ct);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInTiming.WithSession(account, session));
        await log.WriteAsync(SecurityLog.SignedIn, account.UserName, address, null, ct);
        return Results.Ok(View(CurrentUser.From(CurrentUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme))!));
    }

    /// <summary>Ends the session on the server too: the cookie, if kept or copied, no longer works on any node.</summary>
    private static async Task<IResult> Logout(HttpContext context, Sessions sessions, SecurityLog log)
    {
        if (Sessions.IdOf(context.User) is { } session)
        {
            await sessions.EndAsync(session, context.RequestAborted);
            await log.WriteAsync(SecurityLog.SignedOut, context.User.Identity?.Name, SecurityLog.AddressOf(context), null, context.RequestAborted);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    private static IResult Me(HttpContext context) =>
        CurrentUser.From(context.User) is { } user ? Results.Ok(View(user)) : Problems.SignInRequired();

    /// <summary>For the web UI's first call: 200 either way, so a signed-out visitor's browser logs no 401.</summary>
    private static IResult Session(HttpContext context) =>
        CurrentUser.From(context.User) is { } user
            ? TypedResults.Ok(new SessionView(true, View(user)))
            : TypedResults.Ok(new SessionView(false));

    public static UserView View(CurrentUser user) =>
        new(user.UserName, user.DisplayName, user.Roles.Order(StringComparer.Ordinal).ToList(), user.Department, user.Window);
}

/// <summary>The signed-in account as the web UI sees it.</summary>
public sealed record UserView(string UserName, string DisplayName, [property: RoleNames] IReadOnlyList<string> Roles, string? Department, string? Window);

/// <param name="User">Absent when signed out.</param>
public sealed record SessionView(bool Authenticated,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] UserView? User = null);

/// <summary>Read by hand (an unknown name and a wrong password get the same answer); described here for the document.</summary>
public sealed record SignInRequest(string UserName, string Password);
