using Workflows.Server.Api;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Auth;

/// <summary>
/// The Auth module: cookie sessions over local accounts (keys in the data folder), sign-in and
/// sign-out, and the first administrator from <c>WORKFLOWS_ADMIN_PASSWORD</c>.
/// </summary>
public static class AuthModule
{
    public static IServiceCollection AddAuth(this IServiceCollection services, ServerOptions options)
    {
        services.AddWorkflowsAuth(options.DataFolder);
        return services;
    }

    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder endpoints)
    {
        AuthEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>The <c>admin</c> account from <see cref="ServerOptions.AdminPassword"/>, when there is none yet.</summary>
    public static WebApplication SeedAdministrator(this WebApplication app)
    {
        var password = app.Services.GetRequiredService<ServerOptions>().AdminPassword;
        var accounts = app.Services.GetRequiredService<IAccountStore>();
        if (!string.IsNullOrEmpty(password) && accounts.FindAccountAsync("admin").GetAwaiter().GetResult() is null)
        {
            accounts.SaveAccountAsync(new StoredAccount("admin", "系统管理员", PasswordHasher.Hash(password), [Roles.Admin])).GetAwaiter().GetResult();
            app.Logger.LogInformation("已创建管理员账号 admin (administrator created from WORKFLOWS_ADMIN_PASSWORD)");
        }
        return app;
    }
}
