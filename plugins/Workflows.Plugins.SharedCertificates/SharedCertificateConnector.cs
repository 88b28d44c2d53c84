using System.Text.Json.Nodes;
using Workflows.Plugins.Abstractions;

namespace Workflows.Plugins.SharedCertificates;

/// <summary>
/// Query kind <c>certificate</c>, keys <c>license</c> (the type a material names), <c>holderCode</c>
/// (the applicant's ID number or USCC) and optionally <c>on</c> (yyyy-MM-dd, the day it must be valid).
/// Only a valid certificate counts: 有效 status and, unless configured otherwise, not past its end date.
/// </summary>
public sealed class SharedCertificateConnector(IIssuedCertificates certificates, IReadOnlySet<string>? licenseTypes, bool acceptExpired) : IDataConnector
{
    public const string Kind = "certificate";
    private const string ValidStatus = "有效";

    public string Name => "shared-certificates";

    public IReadOnlySet<string> Kinds { get; } = new HashSet<string> { Kind };

    public async Task<ConnectorAnswer> LookupAsync(ConnectorQuery query, CancellationToken cancellationToken)
    {
        if (query.Kind != Kind || !query.Keys.TryGetValue("license", out var license) || !query.Keys.TryGetValue("holderCode", out var holder)
            || string.IsNullOrWhiteSpace(holder) || (licenseTypes is not null && !licenseTypes.Contains(license)))
            return ConnectorAnswer.NotFound;
        var on = query.Keys.TryGetValue("on", out var day) && DateOnly.TryParse(day, out var parsed) ? parsed : DateOnly.FromDateTime(DateTime.Today);
        var found = (await certificates.FindByHolderAsync(holder, cancellationToken))
            .FirstOrDefault(c => c.LicenseType == license && c.Status == ValidStatus && (acceptExpired || c.ValidTo is null || c.ValidTo >= on));
        if (found is null) return ConnectorAnswer.NotFound;
        return new ConnectorAnswer(true, new JsonObject
        {
            ["identifier"] = found.Identifier,
            ["name"] = found.Name,
            ["licenseType"] = found.LicenseType,
            ["holderName"] = found.HolderName,
            ["itemId"] = found.ItemId,
            ["issuer"] = found.IssuerName,
            ["issuedOn"] = found.IssuedOn.ToString("yyyy-MM-dd"),
            ["validTo"] = found.ValidTo?.ToString("yyyy-MM-dd"),
            ["pdfSha256"] = found.PdfSha256,
        });
    }
}
