using Workflows.Plugins.Abstractions;

namespace Workflows.Plugins.Webhook;

/// <summary>
/// Posts every case event to a configured URL (a department's own system, a messaging gateway).
/// Settings: <c>url</c>, <c>secret</c> (for the signature), <c>max-attempts</c> (5),
/// <c>initial-delay-ms</c> (500, doubled per retry), <c>timeout-ms</c> (5000), <c>events</c>
/// (comma-separated event types; all when absent).
/// </summary>
public sealed class WebhookPlugin : IWorkflowsPlugin
{
    public string Name => "webhook";

    public void Register(IPluginRegistry registry, PluginSettings settings)
    {
        var url = settings.Require("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https"))
            throw new PluginConfigurationException($"webhook url '{url}' 不是 http(s) 地址 (not an http(s) URL)");
        var options = new WebhookOptions(
            target,
            settings.Require("secret"),
            Math.Max(1, settings.GetInt("max-attempts", 5)),
            TimeSpan.FromMilliseconds(Math.Max(0, settings.GetInt("initial-delay-ms", 500))),
            TimeSpan.FromMilliseconds(Math.Max(100, settings.GetInt("timeout-ms", 5000))),
            settings.Get("events")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet());
        registry.AddNotifier(new WebhookNotifier(options));
    }
}

public sealed record WebhookOptions(Uri Url, string Secret, int MaxAttempts, TimeSpan InitialDelay, TimeSpan Timeout, IReadOnlySet<string>? Events);
