using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.State;
using Workflows.Plugins.Abstractions;
using Workflows.Server.Plugins;

namespace Workflows.Server.Cases;

/// <summary>A material satisfied by 信息共享: the certificate a connector found for it.</summary>
public sealed record SharedMaterial(string MaterialId, string ConnectorName, JsonObject Certificate)
{
    public string Note => $"信息共享：{Certificate["name"]?.GetValue<string>()}（{Certificate["identifier"]?.GetValue<string>()}），申请人无需提交";
}

/// <summary>
/// 信息共享 at the window: for every material whose source is <c>e-license</c> and whose
/// <c>license</c> names a certificate type, asks the data connectors (e.g. the shared-certificates
/// plugin) whether the applicant already holds a valid one. A connector that fails counts as "not
/// found": the applicant is asked for the paper, as without sharing.
/// </summary>
public sealed class SharedMaterials(PluginRegistry plugins, ILogger<SharedMaterials> logger)
{
    public bool Enabled => plugins.Connectors.Any(c => c.Kinds.Contains(CertificateKind));

    private const string CertificateKind = "certificate";

    public async Task<IReadOnlyDictionary<string, SharedMaterial>> FindAsync(
        ItemDefinition item, string? holderCode, DateOnly today, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, SharedMaterial>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(holderCode) || !Enabled) return found;
        foreach (var material in item.Materials.Where(m => m.Source == MaterialSource.ELicense && !string.IsNullOrWhiteSpace(m.License)))
        {
            var query = new ConnectorQuery(CertificateKind, new Dictionary<string, string>
            {
                ["license"] = material.License!, ["holderCode"] = holderCode.Trim().ToUpperInvariant(), ["on"] = today.ToString("yyyy-MM-dd"),
            });
            foreach (var connector in plugins.Connectors.Where(c => c.Kinds.Contains(CertificateKind)))
            {
                try
                {
                    var answer = await connector.LookupAsync(query, cancellationToken);
                    if (answer is { Found: true, Data: { } data })
                    {
                        found[material.Id] = new SharedMaterial(material.Id, connector.Name, data);
                        break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "数据连接器 {Connector} 查询 {License} 失败 (connector failed)", connector.Name, material.License);
                }
            }
        }
        return found;
    }

    /// <summary>The window's material records with every shared one marked received, unless the clerk recorded something else for it.</summary>
    public static IReadOnlyList<MaterialRecord> Apply(IReadOnlyList<MaterialRecord> given, IReadOnlyDictionary<string, SharedMaterial> shared)
    {
        var result = given.Where(m => !(shared.ContainsKey(m.MaterialId) && m.Status == MaterialStatus.Missing)).ToList();
        foreach (var (id, share) in shared)
            if (result.All(m => m.MaterialId != id)) result.Add(new MaterialRecord(id, MaterialStatus.Received, share.Note));
        return result;
    }
}
