using Workflows.Server.Api;
using Workflows.Server.Designer;
using Workflows.Storage;

namespace Workflows.Server.Hosting;

/// <summary>What the server runs: the definitions and templates folders, and the county repository when they come from it.</summary>
public sealed record ServedDefinitions(string DefinitionsRoot, string TemplatesRoot, CountyRepository? County);

/// <summary>
/// The Definitions module: which definitions are served, the catalogue that reloads them, the
/// archive of published versions that cases pin, and the public item catalogue (<c>/api/items</c>).
/// </summary>
public static class DefinitionsModule
{
    /// <summary>
    /// A folder given with <c>--definitions</c>, or, by default, the published checkout of the county
    /// repository (HEAD of <c>data/county</c>, checked out in <c>data/published</c>), so what editors
    /// save in the work tree goes live only when published. Null with an error when there is nothing to serve.
    /// </summary>
    public static ServedDefinitions? Resolve(ServerOptions options, out string? error)
    {
        error = null;
        if (options.Definitions is { } direct)
        {
            if (!Directory.Exists(direct)) { error = $"定义目录 '{direct}' 不存在"; return null; }
            return new ServedDefinitions(Path.GetFullPath(direct),
                Path.GetFullPath(options.Templates ?? Workflows.Definitions.Loading.DefinitionLoader.DefaultTemplatesRoot(direct)), null);
        }
        if (!CountyWorkTree.Exists(options.Data))
        {
            if (!options.Demo)
            {
                error = $"数据目录 '{options.Data}' 中没有定义；首次运行请加 --demo 导入示例县，或用 --definitions 指定目录";
                return null;
            }
            CountyWorkTree.Seed(options.Data, "definitions", options.Templates ?? "templates");
        }
        var county = CountyRepository.Open(options.Data);
        var published = county.PublishedRoot;
        return new ServedDefinitions(Path.GetFullPath(Path.Combine(published, "definitions")),
            Path.GetFullPath(options.Templates ?? Path.Combine(published, "templates")), county);
    }

    public static IServiceCollection AddDefinitions(this IServiceCollection services, ServerOptions options, ServedDefinitions served)
    {
        services.AddSingleton(served);
        services.AddSingleton(sp => new DefinitionCatalog(served.DefinitionsRoot, served.TemplatesRoot, sp.GetRequiredService<ILogger<DefinitionCatalog>>()));
        services.AddHostedService<DefinitionWatcher>();
        services.AddSingleton(sp => new DefinitionVersions(sp.GetRequiredService<DefinitionCatalog>(), sp.GetRequiredService<IContentStore>(),
            Path.Combine(options.DataFolder, "cache", "definitions"), sp.GetRequiredService<ILogger<DefinitionVersions>>()));
        return services;
    }

    public static IEndpointRouteBuilder MapDefinitions(this IEndpointRouteBuilder endpoints)
    {
        ItemEndpoints.Map(endpoints);
        CalendarEndpoints.Map(endpoints);
        OpsStatusEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>Loads the served definitions before the first request; with errors the server still starts and reloads once they are fixed.</summary>
    public static WebApplication LoadDefinitions(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<DefinitionCatalog>().Reload())
            app.Logger.LogError("定义有错误，尚无有效版本；修正后自动重新加载 (definitions have errors; fix them and they reload)");
        return app;
    }
}
