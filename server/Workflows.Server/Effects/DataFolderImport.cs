using System.Text.Json;
using Workflows.Server.Documents;
using Workflows.Storage;

namespace Workflows.Server.Effects;

/// <summary>
/// Earlier versions kept rendered documents (<c>documents/&lt;sha256&gt;.pdf</c>) and the certificate
/// register (<c>certificates/*.json</c>) as files in the data folder. On start they are moved into the
/// store (documents under their old id, the hash their events name), and the folders renamed to
/// <c>*.imported</c> so the import runs once; the log says what was moved.
/// </summary>
public static class DataFolderImport
{
    public static async Task<(int Documents, int Certificates)> RunAsync(string dataFolder, ICaseStore store, ILogger logger, CancellationToken ct = default)
    {
        var documents = 0;
        var certificates = 0;
        var documentsFolder = Path.Combine(dataFolder, "documents");
        if (Directory.Exists(documentsFolder))
        {
            foreach (var path in Directory.EnumerateFiles(documentsFolder, "*.pdf"))
            {
                var id = Path.GetFileNameWithoutExtension(path);
                if (await ((IContentStore)store).PutContentAsync(CaseDocuments.ContentKey(id), "application/pdf", await File.ReadAllBytesAsync(path, ct), ct)) documents++;
            }
            Directory.Move(documentsFolder, documentsFolder + ".imported");
        }
        var certificatesFolder = Path.Combine(dataFolder, "certificates");
        if (Directory.Exists(certificatesFolder))
        {
            foreach (var path in Directory.EnumerateFiles(certificatesFolder, "*.json"))
            {
                CertificateRecord? record;
                try { record = JsonSerializer.Deserialize<CertificateRecord>(await File.ReadAllTextAsync(path, ct), FileCertificateRegistry.Json); }
                catch (JsonException) { record = null; }
                if (record is null) continue;
                // Old documents were named by their PDF's hash, so the hash is also the document id.
                var stored = StoreCertificateRegistry.ToStored(record, caseId: null, documentId: record.PdfSha256);
                if (await ((ICertificateRegister)store).ImportCertificateAsync(stored, ct)) certificates++;
            }
            Directory.Move(certificatesFolder, certificatesFolder + ".imported");
        }
        if (documents + certificates > 0)
            logger.LogInformation("已将数据目录中的 {Documents} 份文书和 {Certificates} 条证照登记迁入存储 (data folder documents and certificate register moved into the store)",
                documents, certificates);
        return (documents, certificates);
    }
}
