using System.Globalization;
using Workflows.Plugins.Abstractions;
using Workflows.Server.Documents;

namespace Workflows.Server.Plugins;

/// <summary>The server's records as plugins see them: the register of issued certificates.</summary>
public sealed class ServerPluginHost(ICertificateRegistry registry) : IPluginHost, IIssuedCertificates
{
    public IIssuedCertificates Certificates => this;

    public Task<IReadOnlyList<IssuedCertificate>> FindByHolderAsync(string holderCode, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IssuedCertificate>>(registry.FindByHolder(holderCode).Select(ToIssued).ToList());

    private static IssuedCertificate ToIssued(CertificateRecord r) => new(
        r.Identifier, r.Name, r.LicenseType ?? r.ItemId, r.HolderName, r.ItemId, r.IssuerName,
        Day(r.IssuedOn) ?? DateOnly.MinValue, Day(r.ValidTo), r.Status, r.PdfSha256);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
