using Workflows.Plugins.Abstractions;

namespace Workflows.Server.Plugins;

/// <summary>What the loaded plugins contributed; the engine's notifier, activity and connector ports read from here.</summary>
public sealed class PluginRegistry(IPluginHost? host = null) : IPluginRegistry
{
    public IPluginHost Host { get; } = host ?? EmptyHost.Instance;

    private readonly List<ICaseEventNotifier> _notifiers = [];
    private readonly Dictionary<string, IStepActivity> _activities = new(StringComparer.Ordinal);
    private readonly List<IDataConnector> _connectors = [];

    public IReadOnlyList<ICaseEventNotifier> Notifiers => _notifiers;
    public IReadOnlyDictionary<string, IStepActivity> Activities => _activities;
    public IReadOnlyList<IDataConnector> Connectors => _connectors;

    public void AddNotifier(ICaseEventNotifier notifier) => _notifiers.Add(notifier);

    public void AddActivity(IStepActivity activity)
    {
        if (!_activities.TryAdd(activity.Name, activity))
            throw new PluginConfigurationException($"插件活动 '{activity.Name}' 重名 (duplicate activity name)");
    }

    public void AddConnector(IDataConnector connector) => _connectors.Add(connector);
}

/// <summary>For tools and tests without a data folder: no certificates issued.</summary>
internal sealed class EmptyHost : IPluginHost, IIssuedCertificates
{
    public static readonly EmptyHost Instance = new();

    public IIssuedCertificates Certificates => this;

    public Task<IReadOnlyList<IssuedCertificate>> FindByHolderAsync(string holderCode, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IssuedCertificate>>([]);
}
