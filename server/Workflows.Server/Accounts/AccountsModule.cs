using Workflows.Server.Api;

namespace Workflows.Server.Accounts;

/// <summary>The Accounts module: account administration, the forced password change (<see cref="AccountAdministrationSetup"/>) and their endpoints.</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccounts(this IServiceCollection services) => services.AddAccountAdministration();

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        AccountAdminEndpoints.Map(endpoints);
        return endpoints;
    }
}
