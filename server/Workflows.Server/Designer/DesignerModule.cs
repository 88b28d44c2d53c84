using Workflows.Server.Hosting;

namespace Workflows.Server.Designer;

/// <summary>
/// The Designer module: the county work tree the designer edits and publishes, and
/// <c>/api/designer</c>. Without a work tree (<c>--definitions</c>) its endpoints answer 503.
/// </summary>
public static class DesignerModule
{
    public static IServiceCollection AddDesigner(this IServiceCollection services, ServedDefinitions served)
    {
        if (served.County is { } county) services.AddSingleton(new DesignerWorkspace(county));
        return services;
    }

    public static IEndpointRouteBuilder MapDesigner(this IEndpointRouteBuilder endpoints)
    {
        DesignerEndpoints.Map(endpoints);
        return endpoints;
    }
}
