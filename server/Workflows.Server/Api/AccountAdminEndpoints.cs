using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workflows.Server.Accounts;
using Workflows.Server.Auth;
using Workflows.Server.Hosting;
using Workflows.Server.Security;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>
/// 账号管理: the office's administrator lists, creates, changes, disables and resets staff accounts
/// (/api/admin/users); every user sees and changes their own password (/api/account).
/// </summary>
public static class AccountAdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin/users").WithTags("账号管理 accounts");
        admin.MapGet("", List).WithSummary("账号列表：角色、部门、窗口、是否停用、须改密码、最近登录 (list accounts)")
            .Produces<AccountList>().Refusals();
        admin.MapPost("", Create).WithSummary("新建账号；首次登录须修改密码 (create an account)")
            .Accepts<CreateAccountRequest>("application/json").Produces<PasswordSet>(StatusCodes.Status201Created).Refusals();
        admin.MapPut("/{userName}", Update).WithSummary("修改姓名、角色、部门、窗口 (change an account)")
            .Accepts<UpdateAccountRequest>("application/json").Produces(StatusCodes.Status204NoContent).Refusals();
        admin.MapPost("/{userName}/disable", (HttpContext c, AccountAdministration a, string userName) => SetDisabled(c, a, userName, true)).WithSummary("停用账号 (disable)")
            .Produces(StatusCodes.Status204NoContent).Refusals();
        admin.MapPost("/{userName}/enable", (HttpContext c, AccountAdministration a, string userName) => SetDisabled(c, a, userName, false)).WithSummary("启用账号 (enable)")
            .Produces(StatusCodes.Status204NoContent).Refusals();
        admin.MapPost("/{userName}/reset-password", Reset).WithSummary("重置密码；下次登录须修改 (reset the password)")
            .Accepts<ResetPasswordRequest>("application/json").Produces<PasswordSet>().Refusals();

        var own = app.MapGroup("/api/account").WithTags("账号管理 accounts");
        own.MapGet("", Own).WithSummary("本人账号：是否须修改密码、最近登录 (my account)").Produces<OwnAccount>().ProducesProblem(StatusCodes.Status401Unauthorized);
        own.MapPost("/password", ChangeOwn).WithSummary("修改本人密码 (change my password)")
            .Accepts<ChangePasswordRequest>("application/json").Produces(StatusCodes.Status204NoContent).Refusals();
    }

    private static IResult? NotAdmin(HttpContext context) =>
        CurrentUser.From(context.User) is not { } user ? Problems.SignInRequired() : user.IsAdmin ? null : Problems.Denied("只有管理员可以管理账号");

    private static IResult Refused(AccountProblem problem) =>
        Problems.Of(problem.Status, problem.Code, problem.Status == 404 ? "找不到账号 (not found)" : "账号操作被拒绝 (refused)", problem.Message);

    private static async Task<IResult> List(HttpContext context, AccountAdministration accounts, DefinitionCatalog catalog)
    {
        if (NotAdmin(context) is { } denied) return denied;
        var set = catalog.Current?.Set;
        var listed = await accounts.ListAsync(context.RequestAborted);
        return TypedResults.Ok(new AccountList(
            listed.Select(l => new AccountRow(
                l.Account.UserName, l.Account.DisplayName, l.Account.Roles,
                l.Account.Department, set?.Departments.FirstOrDefault(d => d.Id == l.Account.Department)?.Name,
                l.Account.Window, set?.Windows.FirstOrDefault(w => w.Id == l.Account.Window)?.Name,
                l.Account.Disabled, l.MustChangePassword, l.LastSignInAt)).ToList(),
            // What the form may choose from.
            set?.Departments.Select(d => new NamedChoice(d.Id, d.Name)).ToList() ?? [],
            set?.Windows.Select(w => new NamedChoice(w.Id, w.Name)).ToList() ?? [],
            Roles.All.Order(StringComparer.Ordinal).ToList(),
            new PasswordRules(AccountRules.MinimumPasswordLength)));
    }

    private static async Task<IResult> Create(HttpContext context, AccountAdministration accounts, DefinitionCatalog catalog)
    {
        if (NotAdmin(context) is { } denied) return denied;
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var draft = new AccountAdministration.Draft(args.Required("userName").Trim(), args.Required("displayName"), args.Required("password"),
            args.Strings("roles", required: true), args.String("department"), args.String("window"));
        if (!args.Ok) return args.Problem();
        if (await accounts.CreateAsync(draft, catalog.Current?.Set, context.RequestAborted) is { } refused) return Refused(refused);
        await Log(context).WriteAsync(context, SecurityLog.AccountCreated, Profile(draft.Roles, draft.Department, draft.Window), draft.UserName);
        return TypedResults.Created($"/api/admin/users/{draft.UserName}", new PasswordSet(draft.UserName, true));
    }

    private static async Task<IResult> Update(HttpContext context, AccountAdministration accounts, DefinitionCatalog catalog, string userName)
    {
        if (NotAdmin(context) is { } denied) return denied;
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var (displayName, roles, department, window) = (args.Required("displayName"), args.Strings("roles", required: true), args.String("department"), args.String("window"));
        if (!args.Ok) return args.Problem();
        var before = await context.RequestServices.GetRequiredService<IAccountStore>().FindAccountAsync(userName, context.RequestAborted);
        if (await accounts.UpdateAsync(userName, displayName, roles, department, window, catalog.Current?.Set, context.RequestAborted) is { } refused)
            return Refused(refused);
        await Log(context).WriteAsync(context, SecurityLog.AccountChanged,
            $"{(before is null ? "" : Profile(before.Roles, before.Department, before.Window))} → {Profile(roles, department, window)}", userName);
        return Results.NoContent();
    }

    private static async Task<IResult> SetDisabled(HttpContext context, AccountAdministration accounts, string userName, bool disabled)
    {
        if (NotAdmin(context) is { } denied) return denied;
        if (disabled && CurrentUser.From(context.User)?.UserName == userName)
            return Refused(new AccountProblem(Problems.InvalidRequest, "不能停用自己的账号 (you cannot disable yourself)"));
        if (await accounts.SetDisabledAsync(userName, disabled, context.RequestAborted) is { } refused) return Refused(refused);
        await Log(context).WriteAsync(context, disabled ? SecurityLog.AccountDisabled : SecurityLog.AccountEnabled, null, userName);
        return Results.NoContent();
    }

    private static async Task<IResult> Reset(HttpContext context, AccountAdministration accounts, string userName)
    {
        if (NotAdmin(context) is { } denied) return denied;
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var password = args.Required("password");
        if (!args.Ok) return args.Problem();
        if (await accounts.ResetPasswordAsync(userName, password, context.RequestAborted) is { } refused) return Refused(refused);
        await Log(context).WriteAsync(context, SecurityLog.PasswordReset, "下次登录须修改 (must change at next sign-in)", userName);
        return TypedResults.Ok(new PasswordSet(userName, true));
    }

    private static async Task<IResult> Own(HttpContext context, IAccountAdminStore store)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var record = await store.GetAccountAdminAsync(user.UserName, context.RequestAborted);
        return TypedResults.Ok(new OwnAccount(user.UserName, user.DisplayName,
            context.User.HasClaim(AccountAdministrationSetup.MustChangeClaim, "true"), record?.LastSignInAt));
    }

    private static async Task<IResult> ChangeOwn(HttpContext context, AccountAdministration accounts, IAccountStore store)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var args = new JsonArgs(body!);
        var (current, replacement) = (args.Required("currentPassword"), args.Required("newPassword"));
        if (!args.Ok) return args.Problem();
        if (await accounts.ChangeOwnPasswordAsync(user.UserName, current, replacement, context.RequestAborted) is { } refused) return Refused(refused);
        await Log(context).WriteAsync(context, SecurityLog.PasswordChanged, "本人修改 (own change)", user.UserName);
        // A fresh session without the must-change mark.
        var account = (await store.FindAccountAsync(user.UserName, context.RequestAborted))!;
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, CurrentUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
        return Results.NoContent();
    }

    /// <summary>The answers an account operation may refuse with (besides its own 2xx).</summary>
    private static RouteHandlerBuilder Refusals(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    private static SecurityLog Log(HttpContext context) => context.RequestServices.GetRequiredService<SecurityLog>();

    /// <summary>Roles, department and window as the security log shows them: 角色 clerk,admin · 部门 x · 窗口 y.</summary>
    private static string Profile(IEnumerable<string> roles, string? department, string? window) =>
        $"角色 {string.Join(",", roles.Order(StringComparer.Ordinal))}" + (string.IsNullOrWhiteSpace(department) ? "" : $" · 部门 {department.Trim()}")
        + (string.IsNullOrWhiteSpace(window) ? "" : $" · 窗口 {window.Trim()}");
}

/// <summary>The administrator's account list and what the account form may choose from.</summary>
public sealed record AccountList(IReadOnlyList<AccountRow> Users, IReadOnlyList<NamedChoice> Departments, IReadOnlyList<NamedChoice> Windows,
    [property: RoleNames] IReadOnlyList<string> Roles, PasswordRules PasswordRules);

public sealed record AccountRow(string UserName, string DisplayName, [property: RoleNames] IReadOnlyList<string> Roles, string? Department, string? DepartmentName,
    string? Window, string? WindowName, bool Disabled, bool MustChangePassword, DateTimeOffset? LastSignInAt);

/// <summary>A department or window the form offers: its id and display name.</summary>
public sealed record NamedChoice(string Id, string Name);

public sealed record PasswordRules(int MinimumLength);

/// <summary>An account whose password was just set by the administrator: it must be changed at the next sign-in.</summary>
public sealed record PasswordSet(string UserName, bool MustChangePassword);

public sealed record OwnAccount(string UserName, string DisplayName, bool MustChangePassword, DateTimeOffset? LastSignInAt);

/// <summary>Read by hand with JsonArgs; described here for the document.</summary>
public sealed record CreateAccountRequest(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, string? Department = null, string? Window = null);

public sealed record UpdateAccountRequest(string DisplayName, IReadOnlyList<string> Roles, string? Department = null, string? Window = null);

public sealed record ResetPasswordRequest(string Password);

public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);
