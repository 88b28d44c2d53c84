using System.Text.Json;
using Workflows.Storage;

namespace Workflows.Server.Documents;

/// <summary>
/// The certificate register in the case store (<see cref="ICertificateRegister"/>), so every node
/// answers <c>/verify</c> alike. Status and PDF hash come from the register's columns (they follow
/// the case and the render), the rest from the record written with the grant. The store is
/// attached once the host has opened it (plugins are loaded before).
/// </summary>
public sealed class StoreCertificateRegistry : ICertificateRegistry
{
    private ICertificateRegister? _register;

    public StoreCertificateRegistry(ICertificateRegister? register = null) => _register = register;

    public void Attach(ICertificateRegister register) => _register = register;

    private ICertificateRegister Store => _register ?? throw new InvalidOperationException("certificate register not attached");

    public void Register(CertificateRecord record) =>
        Store.ImportCertificateAsync(ToStored(record, caseId: null, documentId: null)).GetAwaiter().GetResult();

    public CertificateRecord? Find(string identifier) => FindAsync(identifier).GetAwaiter().GetResult();

    public IReadOnlyList<CertificateRecord> FindByHolder(string holderCode) =>
        Store.FindCertificatesByHolderAsync(CertificateRecord.HashOf(holderCode)).GetAwaiter().GetResult().Select(ToRecord).ToList();

    public async Task<CertificateRecord?> FindAsync(string identifier, CancellationToken ct = default)
    {
        if (!Workflows.Domain.ECertificateIdentifier.IsValid(identifier)) return null;
        return await Store.FindCertificateAsync(identifier, ct) is { } stored ? ToRecord(stored) : null;
    }

    public static StoredCertificate ToStored(CertificateRecord record, Guid? caseId, string? documentId) =>
        new(record.Identifier, caseId, documentId, record.HolderCodeHash, record.Status, JsonSerializer.Serialize(record, FileCertificateRegistry.Json),
            string.IsNullOrEmpty(record.PdfSha256) ? null : record.PdfSha256);

    private static CertificateRecord ToRecord(StoredCertificate stored)
    {
        var record = JsonSerializer.Deserialize<CertificateRecord>(stored.Record, FileCertificateRegistry.Json)
            ?? throw new JsonException($"empty register entry {stored.Identifier}");
        return record with { Status = stored.Status, PdfSha256 = stored.PdfSha256 ?? "" };
    }
}
