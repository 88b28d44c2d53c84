using Workflows.Engine.Ports;
using Workflows.Server.Api;
using Workflows.Server.Documents;
using Workflows.Server.Effects;
using Workflows.Server.Hosting;
using Workflows.Server.Plugins;
using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>
/// The Cases module: the case store (each provider registers its own interfaces, see
/// <see cref="CaseStores.AddCaseStore"/>), the server clock, the case service, the figures
/// backfill, the calendar recompute and the credit record; the case, file, credit-mark and test-clock endpoints.
/// </summary>
public static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services, ServerOptions options)
    {
        var clock = new ServerClock(options.TestClock);
        services.AddSingleton(clock);
        services.AddSingleton<IClock>(clock);
        Directory.CreateDirectory(options.Data);
        services.AddCaseStore(options.Data, options.Postgres);
        services.AddSingleton<SharedMaterials>();
        services.AddHostedService<CaseFigureBackfill>();
        services.AddSingleton(new UploadLimits(options.MaxUploadBytes));
        services.AddSingleton(sp => new CaseService(sp.GetRequiredService<ICaseStore>(), sp.GetRequiredService<DefinitionVersions>(),
            options.DataFolder, sp.GetRequiredService<IClock>(), sp.GetServices<ICaseCommitListener>(), new PluginActivityPort(sp.GetRequiredService<PluginRegistry>()),
            sp.GetRequiredService<CaseDocuments>(), sp.GetRequiredService<CaseNotifications>(), sp.GetRequiredService<IEffectQueue>()));
        // 信用记录 an office manages; every change goes to the security log (SecurityLog comes from the Security module).
        services.AddSingleton(sp => new CreditMarkAdministration(sp.GetRequiredService<ICreditRecords>(),
            (e, ct) => sp.GetRequiredService<Security.SecurityLog>().WriteAsync(e.Kind, e.UserName, e.Address, e.Detail, e.Target, ct),
            () => sp.GetRequiredService<IClock>().Now));
        // Adding a year's calendar makes the open cases' provisional due dates firm (recorded as events).
        services.AddSingleton<CalendarRecompute>();
        services.AddHostedService(sp => sp.GetRequiredService<CalendarRecompute>());
        return services;
    }

    public static IEndpointRouteBuilder MapCases(this IEndpointRouteBuilder endpoints)
    {
        var services = endpoints.ServiceProvider;
        CaseEndpoints.Map(endpoints);
        FileEndpoints.Map(endpoints, services.GetRequiredService<UploadLimits>());
        CreditMarkEndpoints.Map(endpoints);
        TestClockEndpoints.Map(endpoints, services.GetRequiredService<ServerOptions>().TestClock);
        return endpoints;
    }

    /// <summary>Opens the case store now: a wrong connection string must stop the start, not the first request.</summary>
    public static WebApplication OpenCaseStore(this WebApplication app)
    {
        app.Services.GetRequiredService<ICaseStore>();
        return app;
    }
}
