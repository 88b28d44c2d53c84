using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Workflows.Documents.Rendering;
using Workflows.Domain;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Documents;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Cases;

/// <summary>
/// The engine's document port: renders the referenced template with the case's data to a PDF and
/// keeps it content-addressed under <c>documents/&lt;sha256&gt;.pdf</c> in the data folder; the document
/// id is that hash. A certificate (<c>certificates/…</c>) gets an e-certificate identifier (GB/T 36904)
/// and a QR code of its verification URL, and is registered for <c>GET /verify/{id}</c> with the
/// PDF's hash. The file is written before the command commits; a losing command leaves only an
/// unreferenced file behind, never a wrong reference.
/// </summary>
public sealed class TemplateDocumentPort(string templatesRoot, string dataFolder, IClock clock, DefinitionSnapshot? pinned = null, ICaseStore? store = null) : IDocumentPort
{
    /// <summary>The public address the verification URLs in QR codes point to (<c>WORKFLOWS_PUBLIC_URL</c>).</summary>
    public static string PublicUrl => (Environment.GetEnvironmentVariable("WORKFLOWS_PUBLIC_URL") ?? "http://127.0.0.1:5080").TrimEnd('/');

    private static readonly ConditionalWeakTable<ICaseStore, ConcurrentDictionary<string, string>> Names = new();

    public string DocumentsFolder { get; } = Path.Combine(dataFolder, "documents");

    public string Render(string templateId, CaseState state)
    {
        var renderer = DocumentService.For(templatesRoot);
        var path = renderer.Store.PathOf(templateId);
        var definitions = pinned?.Set ?? CaseDocumentData.DefinitionsBeside(templatesRoot);
        var definitionsRoot = Path.GetFullPath(Path.Combine(templatesRoot, "..", "definitions"));
        var today = DateOnly.FromDateTime(clock.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        // A template that prints the department's 机关代字 is the department's document: signed by it and numbered
        // in its own sequence for the year (桃水许准〔2026〕12号), reserved in the case store for this document of the case.
        var byDepartment = File.ReadAllText(path).Contains("department.documentCode", StringComparison.Ordinal);
        var request = new DocumentRequest(templateId, state, definitions, definitionsRoot, today, pinned?.Calendar, NameOf)
        {
            ByDepartment = byDepartment,
            DocumentNumber = byDepartment ? Reserve(templateId, state, definitions, today) : null,
        };
        var data = CaseDocumentData.Build(request);
        if (File.Exists(TemplateStore.SamplePathOf(path))) CaseDocumentData.AddMissingFields(data, TemplateStore.Sample(path));
        if (templateId == "notices/completion") data["certificate"]!["identifier"] = IssuedIdentifier(state);
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

    /// <summary>The number of the n-th document of this template for the case, in the department's series for the year.</summary>
    private (int Year, long Seq)? Reserve(string templateId, CaseState state, Workflows.Definitions.Model.DefinitionSet definitions, DateOnly today)
    {
        if (store is not IDocumentNumbers numbers || !Guid.TryParse(state.Id, out var caseId)) return null;
        var guide = definitions.Items.FirstOrDefault(i => i.Id == state.ItemId)?.Guide;
        var department = definitions.Departments.FirstOrDefault(d => d.Id == guide?.Department);
        if (department is null) return null;
        var series = department.DocumentCode ?? department.ShortName ?? department.Id;
        var nth = state.Documents.Count(d => d.TemplateId == templateId) + 1;
        var seq = numbers.ReserveDocumentNumberAsync(series, today.Year, caseId, $"{templateId}#{nth}").GetAwaiter().GetResult();
        return (today.Year, seq);
    }

    /// <summary>The display name of a user id, from the accounts in the case store (remembered: names rarely change).</summary>
    private string? NameOf(string userId)
    {
        if (store is not IAccountStore accounts) return null;
        var names = Names.GetValue(store, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        if (names.TryGetValue(userId, out var known)) return known;
        var account = accounts.FindAccountAsync(userId).GetAwaiter().GetResult();
        if (account is null) return null;
        names[userId] = account.DisplayName;
        return account.DisplayName;
    }

    /// <summary>The e-certificate identifier of a certificate this case was issued, from the register (matched by the PDF's hash).</summary>
    private string? IssuedIdentifier(CaseState state)
    {
        var issued = state.Documents.Where(d => d.TemplateId.StartsWith("certificates/", StringComparison.Ordinal)).Select(d => d.DocumentId).ToHashSet();
        if (issued.Count == 0 || state.Applicant.IdNumber is not { Length: > 0 } code) return null;
        return new FileCertificateRegistry(dataFolder).FindByHolder(code).FirstOrDefault(r => issued.Contains(r.PdfSha256))?.Identifier;
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
