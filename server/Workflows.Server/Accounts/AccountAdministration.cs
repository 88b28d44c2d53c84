using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Workflows.Definitions.Model;
using Workflows.Server.Auth;
using Workflows.Storage;

namespace Workflows.Server.Accounts;

/// <summary>
/// Creating, changing, disabling and resetting local accounts: one place for the admin API and the
/// <c>workflows users</c> command, so both apply the same rules.
/// </summary>
public sealed class AccountAdministration(IAccountStore accounts, IAccountAdminStore admin)
{
    public sealed record Draft(string UserName, string DisplayName, string Password, IReadOnlyList<string> Roles, string? Department, string? Window);

    public sealed record Listed(StoredAccount Account, bool MustChangePassword, DateTimeOffset? LastSignInAt);

    public async Task<IReadOnlyList<Listed>> ListAsync(CancellationToken ct = default)
    {
        var records = (await admin.ListAccountAdminAsync(ct)).ToDictionary(r => r.UserName, StringComparer.Ordinal);
        return (await accounts.ListAccountsAsync(ct))
            .Select(a => records.TryGetValue(a.UserName, out var r) ? new Listed(a, r.MustChangePassword, r.LastSignInAt) : new Listed(a, false, null))
            .ToList();
    }

    /// <summary>A new account; its first sign-in asks for a password of the user's own.</summary>
    public async Task<AccountProblem?> CreateAsync(Draft draft, DefinitionSet? set, CancellationToken ct = default)
    {
        var problem = AccountRules.CheckUserName(draft.UserName) ?? CheckProfile(draft.DisplayName, draft.Roles, draft.Department, draft.Window, set)
            ?? AccountRules.CheckPassword(draft.Password);
        if (problem is not null) return problem;
        if (await accounts.FindAccountAsync(draft.UserName, ct) is not null)
            return new(AccountRules.AccountExists, $"账号 {draft.UserName} 已存在 (account exists)", 409);
        await accounts.SaveAccountAsync(new StoredAccount(draft.UserName, draft.DisplayName.Trim(), PasswordHasher.Hash(draft.Password),
            draft.Roles.Distinct().ToList(), Blank(draft.Department), Blank(draft.Window)), ct);
        await admin.SetMustChangePasswordAsync(draft.UserName, true, ct);
        return null;
    }

    public async Task<AccountProblem?> UpdateAsync(string userName, string displayName, IReadOnlyList<string> roles, string? department, string? window,
        DefinitionSet? set, CancellationToken ct = default)
    {
        if (await accounts.FindAccountAsync(userName, ct) is not { } account) return NotFound(userName);
        if (CheckProfile(displayName, roles, department, window, set) is { } problem) return problem;
        await accounts.SaveAccountAsync(account with { DisplayName = displayName.Trim(), Roles = roles.Distinct().ToList(), Department = Blank(department), Window = Blank(window) }, ct);
        return null;
    }

    public async Task<AccountProblem?> SetDisabledAsync(string userName, bool disabled, CancellationToken ct = default)
    {
        if (await accounts.FindAccountAsync(userName, ct) is not { } account) return NotFound(userName);
        await accounts.SaveAccountAsync(account with { Disabled = disabled }, ct);
        return null;
    }

    /// <summary>The administrator's reset: a temporary password the user must replace at the next sign-in.</summary>
    public async Task<AccountProblem?> ResetPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        if (await accounts.FindAccountAsync(userName, ct) is not { } account) return NotFound(userName);
        if (AccountRules.CheckPassword(password) is { } problem) return problem;
        await accounts.SaveAccountAsync(account with { PasswordHash = PasswordHasher.Hash(password) }, ct);
        await admin.SetMustChangePasswordAsync(userName, true, ct);
        return null;
    }

    /// <summary>The user's own change: the current password, then a new one that differs from it.</summary>
    public async Task<AccountProblem?> ChangeOwnPasswordAsync(string userName, string current, string replacement, CancellationToken ct = default)
    {
        if (await accounts.FindAccountAsync(userName, ct) is not { } account) return NotFound(userName);
        if (!PasswordHasher.Verify(current, account.PasswordHash))
            return new(AccountRules.CurrentPasswordWrong, "当前密码不正确 (the current password is wrong)");
        if (AccountRules.CheckPassword(replacement) is { } problem) return problem;
        if (replacement == current) return new(AccountRules.PasswordOneClass, "新密码不能与当前密码相同 (choose a new password)");
        await accounts.SaveAccountAsync(account with { PasswordHash = PasswordHasher.Hash(replacement) }, ct);
        await admin.SetMustChangePasswordAsync(userName, false, ct);
        return null;
    }

    private static AccountProblem? CheckProfile(string? displayName, IReadOnlyList<string> roles, string? department, string? window, DefinitionSet? set)
    {
        if (string.IsNullOrWhiteSpace(displayName)) return new(AccountRules.DisplayNameRequired, "请填写姓名 (display name required)");
        var unknownRoles = roles.Where(r => !Auth.Roles.All.Contains(r)).ToList();
        if (roles.Count == 0 || unknownRoles.Count > 0)
            return new(AccountRules.UnknownRoleDepartmentOrWindow, $"角色无效：{(roles.Count == 0 ? "至少选择一个角色" : string.Join("、", unknownRoles))} (roles: {string.Join(", ", Auth.Roles.All)})");
        if (set is not null && Blank(department) is { } d && set.Departments.All(x => x.Id != d))
            return new(AccountRules.UnknownRoleDepartmentOrWindow, $"部门不存在：{d} (unknown department)");
        if (set is not null && Blank(window) is { } w && set.Windows.All(x => x.Id != w))
            return new(AccountRules.UnknownRoleDepartmentOrWindow, $"窗口不存在：{w} (unknown window)");
        return null;
    }

    private static AccountProblem NotFound(string userName) => new(AccountRules.AccountNotFound, $"账号 {userName} 不存在 (no such account)", 404);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Wiring: the store, the service, last sign-in and the forced password change, without touching the sign-in code.</summary>
public static class AccountAdministrationSetup
{
    public const string MustChangeClaim = "workflows:must-change-password";

    public static IServiceCollection AddAccountAdministration(this IServiceCollection services)
    {
        services.AddSingleton<AccountAdministration>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SignInHooks>();
        return services;
    }

    /// <summary>
    /// While the session carries the must-change mark, the API answers only sign-in, sign-out, session
    /// and the password change itself: 403 WF9606 for everything else.
    /// </summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") && !path.StartsWithSegments("/api/auth") && !path.StartsWithSegments("/api/account")
            && context.User.HasClaim(MustChangeClaim, "true"))
        {
            await Api.Problems.Of(403, AccountRules.PasswordChangeRequired, "请先修改密码 (change your password first)",
                "管理员设置或重置的密码须在首次登录时修改").ExecuteAsync(context);
            return;
        }
        await next();
    });

    /// <summary>At sign-in: marks a session that must change its password, and records the time.</summary>
    private sealed class SignInHooks(IServiceProvider services) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            var signingIn = options.Events.OnSigningIn;
            options.Events.OnSigningIn = async context =>
            {
                await signingIn(context);
                if (context.Principal?.Identity is System.Security.Claims.ClaimsIdentity { Name: { } user } identity)
                {
                    var store = services.GetRequiredService<IAccountAdminStore>();
                    if ((await store.GetAccountAdminAsync(user, context.HttpContext.RequestAborted))?.MustChangePassword == true)
                        identity.AddClaim(new System.Security.Claims.Claim(MustChangeClaim, "true"));
                    var clock = services.GetRequiredService<Workflows.Engine.Ports.IClock>();
                    await store.RecordSignInAsync(user, clock.Now, context.HttpContext.RequestAborted);
                }
            };
        }
    }
}
