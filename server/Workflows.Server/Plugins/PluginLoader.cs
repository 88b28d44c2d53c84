using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Workflows.Plugins.Abstractions;

namespace Workflows.Server.Plugins;

/// <summary>
/// Loads plugins from a folder: each sub-folder holds a plugin's assemblies and an optional
/// <c>settings.json</c> (a flat map of strings). Each plugin gets its own load context so its
/// dependencies cannot clash with the server's, while the abstractions are shared so its types
/// are the server's types. A plugin that fails to load or configure is reported and skipped: the
/// server runs without it rather than not at all.
/// </summary>
public static class PluginLoader
{
    public sealed record LoadReport(IReadOnlyList<string> Loaded, IReadOnlyList<string> Problems);

    public static LoadReport LoadAll(string folder, IPluginRegistry registry)
    {
        var loaded = new List<string>();
        var problems = new List<string>();
        if (!Directory.Exists(folder)) return new(loaded, problems);
        foreach (var pluginFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var settings = ReadSettings(pluginFolder, problems);
            if (settings is null) continue;
            foreach (var dll in Directory.GetFiles(pluginFolder, "*.dll").Order(StringComparer.Ordinal))
            {
                if (Path.GetFileName(dll) == typeof(IWorkflowsPlugin).Assembly.GetName().Name + ".dll") continue;
                try
                {
                    var context = new PluginLoadContext(dll);
                    var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(dll));
                    foreach (var type in assembly.GetExportedTypes().Where(t => typeof(IWorkflowsPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }))
                    {
                        var plugin = (IWorkflowsPlugin)Activator.CreateInstance(type)!;
                        plugin.Register(registry, settings);
                        loaded.Add(plugin.Name);
                    }
                }
                catch (PluginConfigurationException e)
                {
                    problems.Add($"{Path.GetFileName(pluginFolder)}: {e.Message}");
                }
                catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ReflectionTypeLoadException or MissingMethodException or TargetInvocationException)
                {
                    problems.Add($"{dll}: 无法加载插件 (cannot load plugin): {e.Message}");
                }
            }
        }
        return new(loaded, problems);
    }

    private static PluginSettings? ReadSettings(string pluginFolder, List<string> problems)
    {
        var path = Path.Combine(pluginFolder, "settings.json");
        if (!File.Exists(path)) return new PluginSettings(new Dictionary<string, string>());
        try
        {
            return new PluginSettings(JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []);
        }
        catch (JsonException e)
        {
            problems.Add($"{path}: 插件配置应为字符串键值对的 JSON 对象 (settings must be a JSON object of strings): {e.Message}");
            return null;
        }
    }

    private sealed class PluginLoadContext(string mainAssembly) : AssemblyLoadContext(Path.GetFileNameWithoutExtension(mainAssembly), isCollectible: false)
    {
        private readonly AssemblyDependencyResolver _resolver = new(Path.GetFullPath(mainAssembly));

        protected override Assembly? Load(AssemblyName name)
        {
            // Shared contract: always the server's copy.
            if (name.Name == typeof(IWorkflowsPlugin).Assembly.GetName().Name) return null;
            return _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
        }
    }
}
