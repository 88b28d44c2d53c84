using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Documents.Rendering;
using Workflows.Domain;
using Workflows.Engine.Intents;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Documents;

/// <summary>
/// A case's notices and certificates, in two halves. In the command (<see cref="Plan"/>): the
/// department's document number is requested and a certificate's register entry (with its
/// e-certificate identifier, GB/T 36904) is built, both written in the command's transaction;
/// the render itself becomes an outbox intent. After the commit (<see cref="RenderAsync"/>): the
/// template is rendered with the case as the command saw it and the PDF is kept in the store's
/// content table under the document id the event already names, so every node serves it.
/// </summary>
public sealed class CaseDocuments(ICaseStore store, string publicUrl = ServerOptions.DefaultPublicUrl)
{
    public const string RenderKind = "document.render";

    /// <summary>The public address the verification URLs in QR codes point to (<c>WORKFLOWS_PUBLIC_URL</c>).</summary>
    public string PublicUrl { get; } = publicUrl.TrimEnd('/');

    public static string ContentKey(string documentId) => "document:" + documentId;

    private static readonly ConcurrentDictionary<string, bool> PrintsDepartmentCode = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    private IContentStore Contents => (IContentStore)store;

    /// <summary>What the command's transaction must carry for its document intents.</summary>
    public sealed record DocumentPlan(IReadOnlyList<NewIntent> Intents, IReadOnlyList<DocumentNumberRequest> Numbers, IReadOnlyList<StoredCertificate> Certificates);

    /// <summary>What the render job needs: the case as the command saw it and what the command decided.</summary>
    public sealed record RenderPayload(
        Guid CaseId, string DocumentId, string TemplateId, DateOnly Today, string DefinitionVersion, string State,
        bool ByDepartment, string? Series, int Year, string? CertificateIdentifier);

    public DocumentPlan Plan(Guid caseId, IReadOnlyList<CaseIntent> intents, PinnedDefinitions pinned)
    {
        var renders = intents.OfType<RenderDocument>().ToList();
        if (renders.Count == 0) return new DocumentPlan([], [], []);
        var certificates = new List<StoredCertificate>();
        var identifiers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var register in intents.OfType<RegisterCertificate>())
        {
            var data = Data(register.TemplateId, register.State, pinned, register.Today, byDepartment: false, number: null);
            var identifier = Identifier(register.TemplateId, register.State, data);
            identifiers[register.DocumentId] = identifier;
            var record = Record(identifier, register.State, data, register.Today);
            certificates.Add(new StoredCertificate(identifier, caseId, register.DocumentId, record.HolderCodeHash, record.Status,
                JsonSerializer.Serialize(record, FileCertificateRegistry.Json)));
        }
        var numbers = new List<DocumentNumberRequest>();
        var outbox = new List<NewIntent>();
        foreach (var render in renders)
        {
            var byDepartment = PrintsCode(pinned.TemplatesRoot, render.TemplateId);
            var series = byDepartment ? SeriesOf(render.State, pinned.Snapshot.Set) : null;
            // A template that prints the department's 机关代字 is the department's document: numbered in its own
            // series for the year (桃水许准〔2026〕12号), reserved in this command's transaction.
            if (series is not null) numbers.Add(new DocumentNumberRequest(series, render.Today.Year, render.DocumentId));
            var payload = new RenderPayload(caseId, render.DocumentId, render.TemplateId, render.Today, pinned.Snapshot.Version,
                CaseJson.Serialize(render.State), byDepartment, series, render.Today.Year, identifiers.GetValueOrDefault(render.DocumentId));
            outbox.Add(new NewIntent(render.Id, RenderKind, JsonSerializer.Serialize(payload)));
        }
        return new DocumentPlan(outbox, numbers, certificates);
    }

    /// <summary>Renders and stores the document (a no-op when it is stored already: the first render wins).</summary>
    public async Task RenderAsync(RenderPayload payload, DefinitionVersions versions, CancellationToken ct)
    {
        var key = ContentKey(payload.DocumentId);
        if (await Contents.GetContentAsync(key, ct) is null)
        {
            var pinned = await versions.GetAsync(payload.DefinitionVersion, ct)
                ?? throw new InvalidOperationException($"定义版本 {payload.DefinitionVersion} 不可用 (definition version not available)");
            var state = CaseJson.Deserialize(payload.State);
            (int, long)? number = payload.Series is { } series && store is IDocumentNumbers numbers
                ? (payload.Year, await numbers.ReserveDocumentNumberAsync(series, payload.Year, payload.CaseId, payload.DocumentId, ct))
                : null;
            var data = Data(payload.TemplateId, state, pinned, payload.Today, payload.ByDepartment, number);
            if (payload.TemplateId == "notices/completion") data["certificate"]!["identifier"] = await IssuedIdentifierAsync(payload.CaseId, state, ct);
            if (payload.CertificateIdentifier is { } identifier)
            {
                ((JsonObject)data["certificate"]!)["identifier"] = identifier;
                data["verifyUrl"] = $"{PublicUrl}/verify/{identifier}";
            }
            var renderer = DocumentService.For(pinned.TemplatesRoot);
            var pdf = renderer.RenderFile(renderer.Store.PathOf(payload.TemplateId), data, new RenderOptions(Strict: false)).Pdf;
            await Contents.PutContentAsync(key, "application/pdf", pdf, ct);
        }
        if (payload.CertificateIdentifier is { } registered && store is ICertificateRegister register)
        {
            var stored = await Contents.GetContentAsync(key, ct) ?? throw new InvalidOperationException($"document {payload.DocumentId} vanished");
            await register.SetCertificatePdfAsync(registered, Convert.ToHexStringLower(SHA256.HashData(stored.Content)), ct);
        }
    }

    /// <summary>The stored PDF of a document, or null while it is not rendered.</summary>
    public async Task<byte[]?> FindAsync(string documentId, CancellationToken ct) => (await Contents.GetContentAsync(ContentKey(documentId), ct))?.Content;

    private JsonObject Data(string templateId, CaseState state, PinnedDefinitions pinned, DateOnly today, bool byDepartment, (int Year, long Seq)? number)
    {
        var definitionsRoot = Path.GetFullPath(Path.Combine(pinned.TemplatesRoot, "..", "definitions"));
        var request = new DocumentRequest(templateId, state, pinned.Snapshot.Set, definitionsRoot, today, pinned.Snapshot.Calendar, NameOf)
        {
            ByDepartment = byDepartment,
            DocumentNumber = number,
        };
        var data = CaseDocumentData.Build(request);
        var path = DocumentService.For(pinned.TemplatesRoot).Store.PathOf(templateId);
        if (File.Exists(TemplateStore.SamplePathOf(path))) CaseDocumentData.AddMissingFields(data, TemplateStore.Sample(path));
        return data;
    }

    private static bool PrintsCode(string templatesRoot, string templateId)
    {
        var path = DocumentService.For(templatesRoot).Store.PathOf(templateId);
        return PrintsDepartmentCode.GetOrAdd(path, p => File.ReadAllText(p).Contains("department.documentCode", StringComparison.Ordinal));
    }

    private static string? SeriesOf(CaseState state, Workflows.Definitions.Model.DefinitionSet definitions)
    {
        if (!Guid.TryParse(state.Id, out _)) return null;
        var guide = definitions.Items.FirstOrDefault(i => i.Id == state.ItemId)?.Guide;
        var department = definitions.Departments.FirstOrDefault(d => d.Id == guide?.Department);
        return department is null ? null : department.DocumentCode ?? department.ShortName ?? department.Id;
    }

    /// <summary>The display name of a user id, from the accounts in the case store (remembered: names rarely change).</summary>
    private string? NameOf(string userId)
    {
        if (store is not IAccountStore accounts) return null;
        if (_names.TryGetValue(userId, out var known)) return known;
        var account = accounts.FindAccountAsync(userId).GetAwaiter().GetResult();
        if (account is null) return null;
        _names[userId] = account.DisplayName;
        return account.DisplayName;
    }

    /// <summary>The e-certificate identifier of a certificate this case was issued, from the register.</summary>
    private async Task<string?> IssuedIdentifierAsync(Guid caseId, CaseState state, CancellationToken ct)
    {
        if (store is not ICertificateRegister register) return null;
        var issued = state.Documents.Where(d => d.TemplateId.StartsWith("certificates/", StringComparison.Ordinal)).Select(d => d.DocumentId).ToHashSet();
        if (issued.Count == 0) return null;
        return (await register.CertificatesOfCaseAsync(caseId, ct)).LastOrDefault(c => c.DocumentId is { } d && issued.Contains(d))?.Identifier;
    }

    /// <summary>
    /// <c>1.2.156.3005.2.{type}.{issuer USCC}.{serial}.001.{check}</c>: the type code is the item's
    /// <c>result.type-code</c> (GB/T 36904, a catalogue code of the definition, never what an applicant
    /// typed), else the template name in capitals; the serial is the case number's digits and the
    /// count of documents the case already has.
    /// </summary>
    private static string Identifier(string templateId, CaseState state, JsonObject data)
    {
        var issuer = data["department"]?["uscc"]?.GetValue<string>() ?? data["office"]?["uscc"]?.GetValue<string>()
            ?? throw new DocumentException(DocumentException.BadData, "没有发证机构的统一社会信用代码，无法生成电子证照标识 (no issuer USCC)");
        var typeCode = (data["certificate"]?["typeCode"] is JsonValue code && code.TryGetValue<string>(out var fromItem) ? fromItem : null)
            ?? new string(templateId["certificates/".Length..].ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        var serial = new string(state.Number.Where(char.IsAsciiDigit).ToArray()) + (state.Documents.Count + 1).ToString("00");
        return ECertificateIdentifier.Build(typeCode, issuer, serial, 1);
    }

    private static CertificateRecord Record(string identifier, CaseState state, JsonObject data, DateOnly today)
    {
        string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return new CertificateRecord(
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
            "",
            LicenseType: Text(data["item"]?["license"]) ?? state.ItemId,
            HolderCodeHash: state.Applicant.IdNumber is { Length: > 0 } code ? CertificateRecord.HashOf(code) : null);
    }
}
