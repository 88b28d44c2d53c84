using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workflows.Server.Auth;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>Sign in, sign out, and who am I.</summary>
public static class AuthEndpoints
{
    public static void Map(WebApplication app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("登录 auth");
        auth.MapPost("/login", Login).WithSummary("登录：用户名和密码，成功后设置会话 Cookie (sign in)");
        auth.MapPost("/logout", Logout).WithSummary("退出登录 (sign out)");
        auth.MapGet("/me", Me).WithSummary("当前用户 (the signed-in account)");
        auth.MapGet("/session", Session).WithSummary("会话状态：是否已登录及当前用户，未登录也返回 200 (whether signed in)");
    }

    private static async Task<IResult> Login(HttpContext context, IAccountStore accounts)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var userName = body!["userName"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["userName"] : null;
        var password = body["password"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["password"] : null;
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return Problems.Invalid("需要 userName 和 password");
        var account = await accounts.FindAccountAsync(userName.Trim(), context.RequestAborted);
        // One answer for "no such user", "wrong password" and "disabled": nothing to probe accounts with.
        if (account is null || account.Disabled || !PasswordHasher.Verify(password, account.PasswordHash))
            return Problems.Of(401, Problems.Unauthenticated, "用户名或密码错误 (wrong user name or password)");
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            CurrentUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.Ok(View(CurrentUser.From(CurrentUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme))!));
    }

    private static async Task<IResult> Logout(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.NoContent();
    }

    private static IResult Me(HttpContext context) =>
        CurrentUser.From(context.User) is { } user ? Results.Ok(View(user)) : Problems.SignInRequired();

    /// <summary>For the web UI's first call: 200 either way, so a signed-out visitor's browser logs no 401.</summary>
    private static IResult Session(HttpContext context) =>
        CurrentUser.From(context.User) is { } user
            ? Results.Ok(new { authenticated = true, user = View(user) })
            : Results.Ok(new { authenticated = false });

    public static object View(CurrentUser user) => new
    {
        userName = user.UserName,
        displayName = user.DisplayName,
        roles = user.Roles.Order(StringComparer.Ordinal).ToList(),
        department = user.Department,
        window = user.Window,
    };
}
