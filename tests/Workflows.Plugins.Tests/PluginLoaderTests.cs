using System.Text.Json.Nodes;
using Workflows.Plugins.Abstractions;
using Workflows.Server.Plugins;

namespace Workflows.Plugins.Tests;

/// <summary>The server's loader with the real webhook plugin, copied into a plugins folder as an operator would deploy it.</summary>
public sealed class PluginLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflows-plugins-").FullName;

    private string Deploy(string? settingsJson)
    {
        var target = Path.Combine(_folder, "webhook");
        Directory.CreateDirectory(target);
        var built = Path.GetDirectoryName(typeof(Webhook.WebhookPlugin).Assembly.Location)!;
        foreach (var file in Directory.GetFiles(built, "Workflows.Plugins.Webhook.*")) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        if (settingsJson is not null) File.WriteAllText(Path.Combine(target, "settings.json"), settingsJson);
        return target;
    }

    [Fact]
    public async Task LoadAll_WebhookPluginFolder_RegistersAWorkingNotifier()
    {
        await using var receiver = WebhookReceiver.Start();
        Deploy($$"""{ "url": "{{receiver.Url}}", "secret": "s", "initial-delay-ms": "10" }""");
        var registry = new PluginRegistry();

        var report = PluginLoader.LoadAll(_folder, registry);

        Assert.Equal(["webhook"], report.Loaded);
        Assert.Empty(report.Problems);
        var notifier = Assert.Single(registry.Notifiers);
        // Loaded in its own context, yet its interface is the server's: the call goes through.
        Assert.NotSame(typeof(Webhook.WebhookPlugin).Assembly, notifier.GetType().Assembly);
        Assert.True(await notifier.NotifyAsync(new CaseEventNotice("d1", "c1", "桃山-2026-000001", "water-permit", "case.accepted", DateTimeOffset.Now, new JsonObject()), CancellationToken.None));
        Assert.Single(receiver.Requests);
    }

    [Fact]
    public void LoadAll_MissingSetting_IsReported_AndNothingIsRegistered()
    {
        Deploy("""{ "url": "http://127.0.0.1:9/hook" }""");
        var registry = new PluginRegistry();

        var report = PluginLoader.LoadAll(_folder, registry);

        Assert.Empty(report.Loaded);
        Assert.Contains("secret", Assert.Single(report.Problems));
        Assert.Empty(registry.Notifiers);
    }

    [Fact]
    public void LoadAll_MalformedSettings_IsReported()
    {
        Deploy("{ not json");

        var report = PluginLoader.LoadAll(_folder, new PluginRegistry());

        Assert.Contains("settings.json", Assert.Single(report.Problems));
    }

    [Fact]
    public void LoadAll_NoFolder_LoadsNothing()
    {
        var report = PluginLoader.LoadAll(Path.Combine(_folder, "absent"), new PluginRegistry());

        Assert.Empty(report.Loaded);
        Assert.Empty(report.Problems);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
