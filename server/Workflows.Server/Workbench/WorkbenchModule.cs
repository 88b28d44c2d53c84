using Workflows.Server.Api;
using Workflows.Server.Hosting;

namespace Workflows.Server.Workbench;

/// <summary>
/// The Workbench module: what the clerks' and supervisors' screens read besides the cases
/// themselves: the task inbox and supervision, people, opinion phrases, aftercare lists, the
/// supervision report and the device agent's settings (<c>WORKFLOWS_DEVICE_AGENT</c>).
/// </summary>
public static class WorkbenchModule
{
    public static IServiceCollection AddWorkbench(this IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(sp => DeviceAgentSettings.From(
            sp.GetRequiredService<DefinitionCatalog>(), options.DeviceAgent, sp.GetRequiredService<ILogger<DeviceAgentSettings>>()));
        return services;
    }

    public static IEndpointRouteBuilder MapWorkbench(this IEndpointRouteBuilder endpoints)
    {
        WorkEndpoints.Map(endpoints);
        PeopleEndpoints.Map(endpoints);
        OpinionPhraseEndpoints.Map(endpoints);
        AftercareEndpoints.Map(endpoints);
        SupervisionReport.Map(endpoints);
        DeviceAgentSettings.Map(endpoints);
        return endpoints;
    }
}
