using Workflows.Plugins.Abstractions;

namespace Workflows.Plugins.SharedCertificates;

/// <summary>
/// 信息共享: answers <c>certificate</c> look-ups from the certificates this server issued, so a
/// material whose source is <c>e-license</c> and whose <c>license</c> names one of our own
/// certificate types is taken from the register instead of from the applicant.
/// Settings: <c>license-types</c> (comma-separated; all when absent), <c>accept-expired</c> (false).
/// </summary>
public sealed class SharedCertificatesPlugin : IWorkflowsPlugin
{
    public string Name => "shared-certificates";

    public void Register(IPluginRegistry registry, PluginSettings settings)
    {
        var types = settings.Get("license-types")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var acceptExpired = settings.Get("accept-expired") is { } text && bool.TryParse(text, out var flag) && flag;
        registry.AddConnector(new SharedCertificateConnector(registry.Host.Certificates, types, acceptExpired));
    }
}
