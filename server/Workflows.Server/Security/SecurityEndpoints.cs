using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Storage;

namespace Workflows.Server.Security;

/// <summary>Password change for the signed-in account, and the security log and current locks for admins.</summary>
public static class SecurityEndpoints
{
    public const int MinimumPasswordLength = 8;

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/auth/password", ChangePassword).WithTags("登录 auth").RequireAuthorization()
            .WithSummary("修改密码：currentPassword、newPassword；结束本账号的其他会话 (change password)")
            .Accepts<Api.ChangePasswordRequest>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var admin = app.MapGroup("/api/security").WithTags("安全 security").RequireAuthorization();
        admin.MapGet("/events", Events).WithSummary("安全日志：登录、失败、锁定、退出、改密、账号与角色变更、发布、个人文件下载、评价器配对；可按 user、kind（可用 kiosk-* 前缀）、target、address 筛选（管理员）(security log)")
            .Produces<SecurityEventList>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        admin.MapGet("/locks", Locks).WithSummary("当前被锁定的账号和地址（管理员）(current sign-in locks)")
            .Produces<SignInLockList>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ChangePassword(HttpContext context, IAccountStore accounts, Sessions sessions, SecurityLog log, SignInLimiter limiter)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var current = body!["currentPassword"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["currentPassword"] : null;
        var next = body["newPassword"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["newPassword"] : null;
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next)) return Problems.Invalid("需要 currentPassword 和 newPassword");
        var ct = context.RequestAborted;
        var address = SecurityLog.AddressOf(context);
        if (await limiter.FindLockAsync(user.UserName, address, ct) is { } locked) return SignInTiming.Locked(context, locked.Until - log.Now);
        if (await accounts.FindAccountAsync(user.UserName, ct) is not { } account) return Problems.SignInRequired();
        if (!PasswordHasher.Verify(current, account.PasswordHash))
        {
            // A wrong current password counts like a failed sign-in: a stolen session must not guess passwords freely.
            await log.WriteAsync(SecurityLog.SignInFailed, user.UserName, address, "修改密码时原密码错误 (wrong current password)", ct);
            await log.WriteAsync(SecurityLog.PasswordChangeFailed, user.UserName, address, null, ct);
            return Problems.Of(403, SecurityProblems.PasswordRejected, "原密码错误 (wrong current password)");
        }
        if (Weakness(next, user.UserName, current) is { } weak)
            return Problems.Of(422, SecurityProblems.PasswordRejected, "新密码不符合要求 (new password rejected)", weak);

        await accounts.SaveAccountAsync(account with { PasswordHash = PasswordHasher.Hash(next) }, ct);
        // Every session of the account ends (a thief's too); this browser gets a fresh one.
        var ended = await sessions.EndAllOfAsync(user.UserName, ct);
        var session = await sessions.StartAsync(user.UserName, address, ct);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, SignInTiming.WithSession(account, session));
        await log.WriteAsync(SecurityLog.PasswordChanged, user.UserName, address, $"结束 {ended} 个会话 (sessions ended)", ct);
        return Results.NoContent();
    }

    private static string? Weakness(string password, string userName, string current) =>
        password.Length < MinimumPasswordLength ? $"至少 {MinimumPasswordLength} 个字符"
        : password.Length > 200 ? "最多 200 个字符"
        : password == current ? "新密码不能与原密码相同"
        : password.Contains(userName, StringComparison.OrdinalIgnoreCase) ? "密码不能包含用户名"
        : password.Distinct().Count() < 4 ? "密码过于简单（至少 4 个不同字符）"
        : null;

    /// <summary>
    /// Newest first. <c>kind</c> (a kind, or a prefix ending in <c>*</c> such as <c>kiosk-*</c>) and
    /// <c>target</c> filter what the store read (at most 5000 events of the period), so a narrow filter
    /// over a busy period may see fewer: narrow <c>hours</c> or <c>user</c> too.
    /// </summary>
    private static async Task<IResult> Events(HttpContext context, ISecurityStore store, SecurityLog log, string? user, string? address, string? kind,
        string? target, int? hours, int? take)
    {
        if (CurrentUser.From(context.User) is not { IsAdmin: true }) return Problems.Denied("只有管理员可以查看安全日志");
        if (hours is < 1 or > 24 * 366 || take is < 1 or > 1000) return Problems.Invalid("hours 为 1–8784，take 为 1–1000");
        var filtered = !string.IsNullOrEmpty(kind) || !string.IsNullOrEmpty(target);
        var events = await store.ReadSecurityEventsAsync(log.Now - TimeSpan.FromHours(hours ?? 24), Blank(user), Blank(address),
            filtered ? 5000 : take ?? 200, context.RequestAborted);
        var selected = events.Where(e => KindMatches(e.Kind, kind) && (string.IsNullOrEmpty(target) || e.Target == target)).Take(take ?? 200);
        return TypedResults.Ok(new SecurityEventList(selected.Select(e => new SecurityEventView(e.At, e.Kind, e.UserName, e.Target, e.Address, e.Detail)).ToList()));
    }

    private static bool KindMatches(string kind, string? filter) =>
        string.IsNullOrEmpty(filter) || (filter.EndsWith('*') ? kind.StartsWith(filter[..^1], StringComparison.Ordinal) : kind == filter);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<IResult> Locks(HttpContext context, SignInLimiter limiter)
    {
        if (CurrentUser.From(context.User) is not { IsAdmin: true }) return Problems.Denied("只有管理员可以查看锁定情况");
        var locks = await limiter.ListLocksAsync(context.RequestAborted);
        return TypedResults.Ok(new SignInLockList(locks.Select(l => new SignInLockView(l.Scope, l.Subject, l.Failures, l.Until)).ToList()));
    }
}

public sealed record SecurityEventList(IReadOnlyList<SecurityEventView> Events);

public sealed record SecurityEventView(DateTimeOffset At, string Kind, string? UserName, string? Target, string? Address, string? Detail);

public sealed record SignInLockList(IReadOnlyList<SignInLockView> Locks);

/// <param name="Scope">account or address.</param>
public sealed record SignInLockView(string Scope, string Subject, int Failures, DateTimeOffset Until);
