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
        admin.MapGet("", List).WithSummary("账号列表：角色、部门、窗口、是否停用、须改密码、最近登录 (list accounts)");
        admin.MapPost("", Create).WithSummary("新建账号；首次登录须修改密码 (create an account)");
        admin.MapPut("/{userName}", Update).WithSummary("修改姓名、角色、部门、窗口 (change an account)");
        admin.MapPost("/{userName}/disable", (HttpContext c, AccountAdministration a, string userName) => SetDisabled(c, a, userName, true)).WithSummary("停用账号 (disable)");
        admin.MapPost("/{userName}/enable", (HttpContext c, AccountAdministration a, string userName) => SetDisabled(c, a, userName, false)).WithSummary("启用账号 (enable)");
        admin.MapPost("/{userName}/reset-password", Reset).WithSummary("重置密码；下次登录须修改 (reset the password)");

        var own = app.MapGroup("/api/account").WithTags("账号管理 accounts");
        own.MapGet("", Own).WithSummary("本人账号：是否须修改密码、最近登录 (my account)");
        own.MapPost("/password", ChangeOwn).WithSummary("修改本人密码 (change my password)");
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
        return Results.Ok(new
        {
            users = listed.Select(l => new
            {
                userName = l.Account.UserName, displayName = l.Account.DisplayName, roles = l.Account.Roles,
                department = l.Account.Department, departmentName = set?.Departments.FirstOrDefault(d => d.Id == l.Account.Department)?.Name,
                window = l.Account.Window, windowName = set?.Windows.FirstOrDefault(w => w.Id == l.Account.Window)?.Name,
                disabled = l.Account.Disabled, mustChangePassword = l.MustChangePassword, lastSignInAt = l.LastSignInAt,
            }),
            // What the form may choose from.
            departments = set?.Departments.Select(d => new { id = d.Id, name = d.Name }) ?? [],
            windows = set?.Windows.Select(w => new { id = w.Id, name = w.Name }) ?? [],
            roles = Roles.All.Order(StringComparer.Ordinal),
            passwordRules = new { minimumLength = AccountRules.MinimumPasswordLength },
        });
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
        return Results.Created($"/api/admin/users/{draft.UserName}", new { userName = draft.UserName, mustChangePassword = true });
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
        return Results.Ok(new { userName, mustChangePassword = true });
    }

    private static async Task<IResult> Own(HttpContext context, IAccountAdminStore store)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var record = await store.GetAccountAdminAsync(user.UserName, context.RequestAborted);
        return Results.Ok(new
        {
            userName = user.UserName, displayName = user.DisplayName,
            mustChangePassword = context.User.HasClaim(AccountAdministrationSetup.MustChangeClaim, "true"),
            lastSignInAt = record?.LastSignInAt,
        });
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

    private static SecurityLog Log(HttpContext context) => context.RequestServices.GetRequiredService<SecurityLog>();

    /// <summary>Roles, department and window as the security log shows them: 角色 clerk,admin · 部门 x · 窗口 y.</summary>
    private static string Profile(IEnumerable<string> roles, string? department, string? window) =>
        $"角色 {string.Join(",", roles.Order(StringComparer.Ordinal))}" + (string.IsNullOrWhiteSpace(department) ? "" : $" · 部门 {department.Trim()}")
        + (string.IsNullOrWhiteSpace(window) ? "" : $" · 窗口 {window.Trim()}");
}
