using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Workflows.Documents.Rendering;
using Workflows.Domain;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Documents;

namespace Workflows.Server.Cases;

/// <summary>
/// The engine's document port: renders the referenced template with the case's data to a PDF and
/// keeps it content-addressed under <c>documents/&lt;sha256&gt;.pdf</c> in the data folder; the document
/// id is that hash. A certificate (<c>certificates/…</c>) gets an e-certificate identifier (GB/T 36904)
/// and a QR code of its verification URL, and is registered for <c>GET /verify/{id}</c> with the
/// PDF's hash. The file is written before the command commits; a losing command leaves only an
/// unreferenced file behind, never a wrong reference.
/// </summary>
public sealed class TemplateDocumentPort(string templatesRoot, string dataFolder, IClock clock) : IDocumentPort
{
    /// <summary>The public address the verification URLs in QR codes point to (<c>WORKFLOWS_PUBLIC_URL</c>).</summary>
    public static string PublicUrl => (Environment.GetEnvironmentVariable("WORKFLOWS_PUBLIC_URL") ?? "http://127.0.0.1:5080").TrimEnd('/');

    public string DocumentsFolder { get; } = Path.Combine(dataFolder, "documents");

    public string Render(string templateId, CaseState state)
    {
        var renderer = DocumentService.For(templatesRoot);
        var path = renderer.Store.PathOf(templateId);
        var definitions = CaseDocumentData.DefinitionsBeside(templatesRoot);
        var today = DateOnly.FromDateTime(clock.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var data = CaseDocumentData.Build(state, definitions, templatesRoot, today);
        if (File.Exists(TemplateStore.SamplePathOf(path))) CaseDocumentData.AddMissingFields(data, TemplateStore.Sample(path));
        string? identifier = null;
        if (templateId.StartsWith("certificates/", StringComparison.Ordinal))
        {
            identifier = Identifier(templateId, state, data);
            ((JsonObject)data["certificate"]!)["identifier"] = identifier;
            data["verifyUrl"] = $"{PublicUrl}/verify/{identifier}";
        }
        var pdf = renderer.RenderFile(path, data, new RenderOptions(Strict: false)).Pdf;
        var id = Convert.ToHexStringLower(SHA256.HashData(pdf));
        Directory.CreateDirectory(DocumentsFolder);
        var target = Path.Combine(DocumentsFolder, id + ".pdf");
        if (!File.Exists(target))
        {
            var temp = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            File.WriteAllBytes(temp, pdf);
            File.Move(temp, target, overwrite: true);
        }
        if (identifier is not null) Register(identifier, state, data, id, today);
        return id;
    }

    /// <summary>
    /// <c>1.2.156.3005.2.{type}.{issuer USCC}.{serial}.001.{check}</c>: the type code is the form's
    /// <c>certificateTypeCode</c> when given, else the template name in capitals; the serial is the
    /// case number's digits and the count of documents the case already has.
    /// </summary>
    private static string Identifier(string templateId, CaseState state, JsonObject data)
    {
        var issuer = data["department"]?["uscc"]?.GetValue<string>() ?? data["office"]?["uscc"]?.GetValue<string>()
            ?? throw new DocumentException(DocumentException.BadData, "没有发证机构的统一社会信用代码，无法生成电子证照标识 (no issuer USCC)");
        var typeCode = state.FormData["certificateTypeCode"]?.GetValue<string>()
            ?? new string(templateId["certificates/".Length..].ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        var serial = new string(state.Number.Where(char.IsAsciiDigit).ToArray()) + (state.Documents.Count + 1).ToString("00");
        return ECertificateIdentifier.Build(typeCode, issuer, serial, 1);
    }

    private void Register(string identifier, CaseState state, JsonObject data, string pdfSha256, DateOnly today)
    {
        string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var record = new CertificateRecord(
            identifier,
            Text(data["certificate"]?["name"]) ?? "电子证照",
            Text(data["certificate"]?["number"]),
            state.Applicant.Name,
            FileCertificateRegistry.Mask(state.Applicant.IdNumber),
            state.ItemId,
            Text(data["item"]?["name"]) ?? state.ItemId,
            Text(data["department"]?["name"]) ?? Text(data["office"]?["name"]) ?? "",
            Text(data["department"]?["uscc"]) ?? Text(data["office"]?["uscc"]) ?? "",
            today.ToString("yyyy-MM-dd"),
            Text(state.FormData["validFrom"]) ?? today.ToString("yyyy-MM-dd"),
            Text(state.FormData["validTo"]),
            CertificateRecord.Valid,
            pdfSha256,
            LicenseType: Text(data["item"]?["license"]) ?? state.ItemId,
            HolderCodeHash: state.Applicant.IdNumber is { Length: > 0 } code ? CertificateRecord.HashOf(code) : null);
        new FileCertificateRegistry(dataFolder).Register(record);
    }
}
