using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Workflows.Server.Api;
using Workflows.Storage;

namespace Workflows.Server.Auth;

/// <summary>
/// Cookie sessions over local accounts. The session cookie is HttpOnly and SameSite=Strict (the
/// SPA is served from the same origin, so no cross-site request ever carries it). Every request
/// re-checks the account, so disabling an account or changing its roles takes effect at once.
/// </summary>
public static class AuthSetup
{
    public const string CookieName = "workflows.session";

    public static void AddWorkflowsAuth(this IServiceCollection services, string dataFolder)
    {
        // Session cookies are encrypted with these keys; nodes of one cluster share the folder (see README).
        services.AddDataProtection().SetApplicationName("Workflows")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "keys")));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => WriteProblem(context.HttpContext, Problems.SignInRequired());
            options.Events.OnRedirectToAccessDenied = context => WriteProblem(context.HttpContext, Problems.Denied("当前账号没有此权限"));
            options.Events.OnValidatePrincipal = async context =>
            {
                var name = context.Principal?.Identity?.Name;
                var accounts = context.HttpContext.RequestServices.GetRequiredService<IAccountStore>();
                var account = name is null ? null : await accounts.FindAccountAsync(name, context.HttpContext.RequestAborted);
                if (account is null || account.Disabled)
                {
                    context.RejectPrincipal();
                    return;
                }
                var current = CurrentUser.From(context.Principal!);
                if (current is null || !current.Roles.SetEquals(account.Roles) || current.Department != account.Department || current.Window != account.Window)
                {
                    context.ReplacePrincipal(CurrentUser.Principal(account, CookieAuthenticationDefaults.AuthenticationScheme));
                    context.ShouldRenew = true;
                }
            };
        });
        services.AddAuthorization();
    }

    private static Task WriteProblem(HttpContext context, IResult problem) => problem.ExecuteAsync(context);
}
