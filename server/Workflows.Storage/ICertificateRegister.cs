namespace Workflows.Storage;

/// <summary>
/// A register entry of an issued certificate (证照), behind <c>/verify/{identifier}</c>.
/// </summary>
/// <param name="Identifier">The e-certificate identifier (GB/T 36904).</param>
/// <param name="CaseId">The case that issued it (null for entries imported without one).</param>
/// <param name="DocumentId">The document the certificate was rendered as.</param>
/// <param name="HolderHash">The digest holders are found by (never the ID number itself).</param>
/// <param name="Status">有效, 已注销...</param>
/// <param name="Record">Opaque JSON: what the verification page may show.</param>
/// <param name="PdfSha256">The SHA-256 of the stored PDF, once rendered.</param>
public sealed record StoredCertificate(
    string Identifier, Guid? CaseId, string? DocumentId, string? HolderHash, string Status, string Record, string? PdfSha256 = null);

/// <summary>
/// The register of issued certificates, kept in the case store so every node answers
/// <c>/verify</c> alike. Entries are written in the transaction that commits the grant
/// (<see cref="CaseChange.Certificates"/>), so the register always matches the committed outcome.
/// </summary>
public interface ICertificateRegister
{
    Task<StoredCertificate?> FindCertificateAsync(string identifier, CancellationToken cancellationToken = default);

    /// <summary>The holder's certificates, newest first.</summary>
    Task<IReadOnlyList<StoredCertificate>> FindCertificatesByHolderAsync(string holderHash, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredCertificate>> CertificatesOfCaseAsync(Guid caseId, CancellationToken cancellationToken = default);

    /// <summary>Records the hash of the rendered PDF (first render wins: the content is written once).</summary>
    Task SetCertificatePdfAsync(string identifier, string pdfSha256, CancellationToken cancellationToken = default);

    /// <summary>Adds an entry unless its identifier exists (migrating a data folder's register files); true when added.</summary>
    Task<bool> ImportCertificateAsync(StoredCertificate certificate, CancellationToken cancellationToken = default);
}
