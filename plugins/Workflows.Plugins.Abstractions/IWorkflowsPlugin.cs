namespace Workflows.Plugins.Abstractions;

/// <summary>
/// The entry point of a plugin assembly. The server creates each public implementation with its
/// parameterless constructor when it starts, and calls <see cref="Register"/> once.
/// </summary>
public interface IWorkflowsPlugin
{
    /// <summary>A short stable name, e.g. <c>webhook</c>; the plugin's settings live under it.</summary>
    string Name { get; }

    void Register(IPluginRegistry registry, PluginSettings settings);
}

/// <summary>What a plugin can add to the server.</summary>
public interface IPluginRegistry
{
    /// <summary>The server's own records a plugin may read (issued certificates).</summary>
    IPluginHost Host { get; }

    /// <summary>Receives case events (accepted, task completed, overdue...) after they are stored.</summary>
    void AddNotifier(ICaseEventNotifier notifier);

    /// <summary>Runs the work of a workflow step of <c>kind: plugin</c> whose <c>activity</c> is the activity's name.</summary>
    void AddActivity(IStepActivity activity);

    /// <summary>Answers look-ups from other systems, e.g. whether a certificate was already issued (信息共享).</summary>
    void AddConnector(IDataConnector connector);
}

/// <summary>A plugin's settings: the strings under its name in the server configuration.</summary>
public sealed class PluginSettings(IReadOnlyDictionary<string, string> values)
{
    public IReadOnlyDictionary<string, string> Values { get; } = values;

    public string? Get(string key) => Values.TryGetValue(key, out var value) ? value : null;

    public string Require(string key) =>
        Get(key) ?? throw new PluginConfigurationException($"缺少插件配置项 '{key}' (missing plugin setting)");

    public int GetInt(string key, int fallback) => int.TryParse(Get(key), out var value) ? value : fallback;
}

/// <summary>A plugin's settings are missing or wrong; the server reports it at start-up and runs without the plugin.</summary>
public sealed class PluginConfigurationException(string message) : Exception(message);
