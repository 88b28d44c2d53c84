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

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/password", ChangePassword).WithTags("登录 auth").RequireAuthorization()
            .WithSummary("修改密码：currentPassword、newPassword；结束本账号的其他会话 (change password)")
            .Accepts<Api.ChangePasswordRequest>("application/json").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        var admin = app.MapGroup("/api/security").WithTags("安全 security").RequireAuthorization();
        admin.MapGet("/events", Events).WithSummary("安全日志：登录、失败、锁定、退出、改密、账号与角色变更、发布、个人文件下载、评价器配对；最新在前，按 page、pageSize 分页，可按 user、kind（可用 kiosk-* 前缀）、target、address、hours 筛选；北京时间（管理员）(security log)")
            .Produces<SecurityEventPage>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
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

    /// <summary>The most events one query reads from the store (a period, and the user or address if given).</summary>
    public const int MostRead = 5000;

    /// <summary>
    /// Newest first, a page at a time (<c>page</c> from 1, <c>pageSize</c> up to 1000; <c>take</c> is the
    /// older name of <c>pageSize</c>, default 200). <c>kind</c> (a kind, or a prefix ending in <c>*</c> such
    /// as <c>kiosk-*</c>) and <c>target</c> filter what the store read: at most <see cref="MostRead"/>
    /// events of the period (<c>truncated</c> says so), so narrow <c>hours</c> or <c>user</c> over a busy
    /// period. Times are Beijing's (+08:00); <c>kindLabel</c> and <c>kinds</c> name the kinds in Chinese.
    /// </summary>
    private static async Task<IResult> Events(HttpContext context, ISecurityStore store, SecurityLog log, string? user, string? address, string? kind,
        string? target, int? hours, int? take, int? page, int? pageSize)
    {
        if (CurrentUser.From(context.User) is not { IsAdmin: true }) return Problems.Denied("只有管理员可以查看安全日志");
        var size = pageSize ?? take ?? 200;
        if (hours is < 1 or > 24 * 366 || size is < 1 or > 1000 || page is < 1 or > MostRead)
            return Problems.Invalid("hours 为 1–8784，pageSize（take）为 1–1000，page 从 1 开始");
        var number = page ?? 1;
        var filtered = !string.IsNullOrEmpty(kind) || !string.IsNullOrEmpty(target);
        // Without a kind or target filter the store pages by itself; with one, the period's newest events are filtered here.
        var read = await store.ReadSecurityEventsAsync(log.Now - TimeSpan.FromHours(hours ?? 24), Blank(user), Blank(address),
            filtered ? MostRead : Math.Min(MostRead, number * size + 1), context.RequestAborted);
        var selected = read.Where(e => KindMatches(e.Kind, kind) && (string.IsNullOrEmpty(target) || e.Target == target)).ToList();
        var rows = selected.Skip((number - 1) * size).Take(size);
        return TypedResults.Ok(new SecurityEventPage(
            rows.Select(e => new SecurityEventView(Workflows.Domain.ChinaTime.Of(e.At), e.Kind, SecurityLog.LabelOf(e.Kind), e.UserName, e.Target, e.Address, e.Detail)).ToList(),
            number, size,
            HasMore: selected.Count > number * size,
            // Exact when the filter saw every event of the period; otherwise at least this many.
            Total: selected.Count,
            Truncated: read.Count == MostRead,
            SecurityLog.Labels.Select(k => new SecurityEventKind(k.Key, k.Value)).ToList()));
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

/// <param name="Total">Events matching the filter among those read; exact unless <c>Truncated</c>.</param>
/// <param name="Truncated">The store's limit was reached for the period: narrow <c>hours</c> or <c>user</c>.</param>
/// <param name="Kinds">Every event kind with its Chinese name, in the order the admin's filter offers them.</param>
public sealed record SecurityEventPage(IReadOnlyList<SecurityEventView> Events, int Page, int PageSize, bool HasMore, int Total, bool Truncated,
    IReadOnlyList<SecurityEventKind> Kinds);

public sealed record SecurityEventKind(string Kind, string Label);

public sealed record SecurityEventView(DateTimeOffset At, string Kind, string KindLabel, string? UserName, string? Target, string? Address, string? Detail);

public sealed record SignInLockList(IReadOnlyList<SignInLockView> Locks);

/// <param name="Scope">account or address.</param>
public sealed record SignInLockView(string Scope, string Subject, int Failures, DateTimeOffset Until);
