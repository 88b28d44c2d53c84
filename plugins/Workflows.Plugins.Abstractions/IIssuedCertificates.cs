namespace Workflows.Plugins.Abstractions;

/// <summary>A certificate (证照) this server issued, as plugins may read it.</summary>
/// <param name="LicenseType">The e-license type a material's <c>license</c> names (the issuing item's <c>result.license</c>, else its id).</param>
public sealed record IssuedCertificate(
    string Identifier,
    string Name,
    string LicenseType,
    string HolderName,
    string ItemId,
    string IssuerName,
    DateOnly IssuedOn,
    DateOnly? ValidTo,
    string Status,
    string PdfSha256);

/// <summary>The server's register of issued certificates, for 信息共享 connectors.</summary>
public interface IIssuedCertificates
{
    /// <summary>Every certificate issued to the holder with this ID number or USCC, newest first.</summary>
    Task<IReadOnlyList<IssuedCertificate>> FindByHolderAsync(string holderCode, CancellationToken cancellationToken);
}

/// <summary>What the server offers plugins besides registration.</summary>
public interface IPluginHost
{
    IIssuedCertificates Certificates { get; }
}
