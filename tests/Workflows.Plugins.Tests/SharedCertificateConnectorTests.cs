using Workflows.Plugins.Abstractions;
using Workflows.Plugins.SharedCertificates;
using Workflows.Server.Documents;
using Workflows.Server.Plugins;

namespace Workflows.Plugins.Tests;

/// <summary>The connector over the server's real certificate register (files in a data folder).</summary>
public sealed class SharedCertificateConnectorTests : IDisposable
{
    private const string Holder = "230903197806123513";
    private readonly string _data = Directory.CreateTempSubdirectory("workflows-certs-").FullName;
    private readonly FileCertificateRegistry _registry;
    private int _serial;

    public SharedCertificateConnectorTests() => _registry = new FileCertificateRegistry(_data);

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private string Issue(string license, string issuedOn, string? validTo = null, string status = CertificateRecord.Valid, string holder = Holder)
    {
        var identifier = Domain.ECertificateIdentifier.Build("TQ", "11230903MB1C047250", $"2026{++_serial:000000}", 1);
        _registry.Register(new CertificateRecord(identifier, "教师资格证书", null, "张建国", FileCertificateRegistry.Mask(holder), license, "教师资格认定",
            "七台河市桃山区教育局", "11230903MB1C047250", issuedOn, issuedOn, validTo, status, new string('a', 64), license, CertificateRecord.HashOf(holder)));
        return identifier;
    }

    private static ConnectorQuery Query(string license, string holder = Holder, string on = "2026-11-22") =>
        new("certificate", new Dictionary<string, string> { ["license"] = license, ["holderCode"] = holder, ["on"] = on });

    private SharedCertificateConnector Connector(IReadOnlySet<string>? types = null, bool acceptExpired = false) =>
        new(new ServerPluginHost(_registry).Certificates, types, acceptExpired);

    [Fact]
    public async Task Lookup_FindsTheNewestValidCertificateOfThatTypeForThatHolder()
    {
        Issue("teacher-qualification", "2024-03-01");
        var newest = Issue("teacher-qualification", "2026-05-06");
        Issue("agri-machinery-registration", "2026-06-01");

        var answer = await Connector().LookupAsync(Query("teacher-qualification"), CancellationToken.None);

        Assert.True(answer.Found);
        Assert.Equal(newest, answer.Data!["identifier"]!.GetValue<string>());
        Assert.Equal("2026-05-06", answer.Data["issuedOn"]!.GetValue<string>());
        // the register keeps a digest of the ID number, never the number itself
        Assert.DoesNotContain(Holder, string.Concat(Directory.GetFiles(_registry.Folder).Select(File.ReadAllText)));
    }

    [Fact]
    public async Task Lookup_IgnoresOtherHolders_RevokedAndExpiredCertificates_AndTypesNotShared()
    {
        Issue("teacher-qualification", "2020-01-01", validTo: "2025-12-31");
        Issue("teacher-qualification", "2026-01-05", status: CertificateRecord.Revoked);
        Issue("teacher-qualification", "2026-01-05", holder: "11010519491231002X");

        Assert.False((await Connector().LookupAsync(Query("teacher-qualification"), CancellationToken.None)).Found);
        Assert.True((await Connector(acceptExpired: true).LookupAsync(Query("teacher-qualification"), CancellationToken.None)).Found);

        Issue("teacher-qualification", "2026-02-01");
        Assert.False((await Connector(types: new HashSet<string> { "water-permit" }).LookupAsync(Query("teacher-qualification"), CancellationToken.None)).Found);
        Assert.False((await Connector().LookupAsync(Query("teacher-qualification", holder: " "), CancellationToken.None)).Found);
        Assert.True((await Connector().LookupAsync(Query("teacher-qualification", holder: Holder.ToLowerInvariant()), CancellationToken.None)).Found);
    }
}
