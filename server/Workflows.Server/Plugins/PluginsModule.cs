using Workflows.Server.Documents;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Plugins;

/// <summary>
/// The plugins of the plugins folder. They load while the services are registered, before the
/// store opens, so the certificate register they may query is attached once the host has opened it.
/// </summary>
public static class PluginsModule
{
    private sealed record PluginCertificates(StoreCertificateRegistry Registry);

    public static IServiceCollection AddPlugins(this IServiceCollection services, ServerOptions options)
    {
        var certificates = new StoreCertificateRegistry();
        var plugins = new PluginRegistry(new ServerPluginHost(certificates));
        services.AddSingleton(plugins);
        services.AddSingleton(PluginLoader.LoadAll(options.PluginsFolder, plugins));
        services.AddSingleton(new PluginCertificates(certificates));
        return services;
    }

    /// <summary>Says what loaded and what did not, and gives the plugins the store's certificate register (opening the store).</summary>
    public static WebApplication StartPlugins(this WebApplication app)
    {
        var report = app.Services.GetRequiredService<PluginLoader.LoadReport>();
        foreach (var problem in report.Problems) app.Logger.LogError("插件未加载 (plugin not loaded): {Problem}", problem);
        if (report.Loaded.Count > 0) app.Logger.LogInformation("已加载插件 (plugins loaded): {Plugins}", string.Join(", ", report.Loaded));
        app.Services.GetRequiredService<PluginCertificates>().Registry.Attach(app.Services.GetRequiredService<ICertificateRegister>());
        return app;
    }
}
