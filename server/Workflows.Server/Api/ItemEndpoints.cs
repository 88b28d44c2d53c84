using Workflows.Definitions.Json;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;
using Workflows.Scripting;
using Workflows.Scripting.Checklists;
using Workflows.Server.Hosting;

namespace Workflows.Server.Api;

/// <summary>Items and their guides (public information), and checklist evaluation for a given applicant and form.</summary>
public static class ItemEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var items = app.MapGroup("/api/items").WithTags("事项 items");
        items.MapGet("/", List).WithSummary("事项目录 (list items)").Produces<ItemList>().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        items.MapGet("/{id}", Get).WithSummary("事项详情：办事指南、材料、申请表 (one item's guide)")
            .Produces<ItemDetail>().ProducesProblem(StatusCodes.Status404NotFound);
        items.MapPost("/{id}/checklist", Checklist).WithSummary("按申请人和表单计算适用的材料 (materials that apply)")
            .Accepts<ChecklistRequest>("application/json").Produces<ChecklistAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/definitions/status", Status).WithTags("定义 definitions").WithSummary("当前定义版本与校验结果").Produces<DefinitionStatus>();
    }

    private static IResult List(DefinitionCatalog catalog, string? q, string? department, string? type)
    {
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var set = snapshot.Set;
        // Retired items are not offered for intake; the designer lists them (GET /api/designer/items).
        var rows = set.Items.Where(i => i.Guide is { IsRetired: false }).Select(i => Summary(set, i));
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
                                   || r.BaseCode.Contains(q, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(department)) rows = rows.Where(r => r.Department == department);
        if (!string.IsNullOrWhiteSpace(type)) rows = rows.Where(r => r.Type == type);
        return TypedResults.Json(new ItemList(snapshot.Version, rows.ToList()), DefinitionJson.Options);
    }

    private static IResult Get(DefinitionCatalog catalog, string id)
    {
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        if (snapshot.Set.Item(id) is not { Guide: not null } item) return Problems.ItemNotFound(id);
        return TypedResults.Json(new ItemDetail(item.Id, snapshot.Version, Summary(snapshot.Set, item),
            Model(item.Guide), Model(item.Materials), Model(item.Form), AcceptanceOf(snapshot.Set, item)), DefinitionJson.Options);
    }

    /// <summary>
    /// The item's acceptance set-up (DOMAIN §3), so that the window offers 收件 only when the
    /// department decides acceptance (前台收件、后台受理), and 受理 in the department's name otherwise.
    /// </summary>
    private static ItemAcceptance AcceptanceOf(DefinitionSet set, ItemDefinition item)
    {
        var step = item.Workflow is { } workflow ? AcceptanceSetUpRules.BackOfficeStep(workflow) : null;
        var department = set.Departments.FirstOrDefault(d => d.Id == item.Guide?.Department);
        return new ItemAcceptance(step is null ? AcceptanceSetUp.Window : AcceptanceSetUp.BackOffice, step?.Name, department?.Name);
    }

    /// <summary>A part of the definition as the definition files spell it (its types: designer/src/api/definitions.d.ts).</summary>
    public static System.Text.Json.Nodes.JsonNode? Model<T>(T? part) => part is null ? null : System.Text.Json.JsonSerializer.SerializeToNode(part, DefinitionJson.Options);

    private static async Task<IResult> Checklist(DefinitionCatalog catalog, string id, HttpRequest request, Cases.SharedMaterials sharing, Cases.CaseService service)
    {
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        if (snapshot.Set.Item(id) is not { Guide: not null } item) return Problems.ItemNotFound(id);
        var (body, problem) = await RequestBody.ReadObjectAsync(request);
        if (problem is not null) return problem;
        var sandbox = new ScriptSandbox(snapshot.Calendar, DefinitionPipeline.Today);
        var result = new ChecklistEvaluator(sandbox).Evaluate(item, body!);
        // Whether someone holds a certificate is not public: only staff at work on cases see what sharing finds.
        var holder = (body!["applicant"] as System.Text.Json.Nodes.JsonObject)?["idNumber"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var code) ? code : null;
        var shared = Auth.CurrentUser.From(request.HttpContext.User) is { WorksOnCases: true }
            ? await sharing.FindAsync(item, holder, CaseViews.Today(service.Clock), request.HttpContext.RequestAborted)
            : new Dictionary<string, Cases.SharedMaterial>();
        return TypedResults.Json(new ChecklistAnswer(item.Id, snapshot.Version,
            result.Select(e => new ChecklistRow(Model(e.Material)!, e.Applies, e.ConditionError)).ToList(),
            shared.ToDictionary(s => s.Key, s => new SharedCertificate(s.Value.Certificate, s.Value.Note, s.Value.ConnectorName,
                s.Value.Certificate["name"] is System.Text.Json.Nodes.JsonValue name && name.TryGetValue<string>(out var text) ? text : null))), DefinitionJson.Options);
    }

    private static IResult Status(DefinitionCatalog catalog, Plugins.PluginLoader.LoadReport plugins) => TypedResults.Json(new DefinitionStatus(
        new PluginStatus(plugins.Loaded, plugins.Problems),
        catalog.Current?.Version,
        catalog.Current?.LoadedAt,
        catalog.Current?.Set.Items.Count ?? 0,
        catalog.LastAttemptAt,
        catalog.LastAttemptFailed,
        catalog.LastDiagnostics.Select(d => new DefinitionDiagnostic(
            d.IsError ? "error" : "warning", d.Code, d.Location.File, d.Location.Line, d.Location.Column, d.Message)).ToList()), DefinitionJson.Options);

    [DefinitionShaped]
    public sealed record ItemSummary(
        string Id, string Name, string Type, string TypeLabel, string Department, string DepartmentName,
        string HandlingType, string HandlingTypeLabel, string Statutory, string Promised, string BaseCode, string? Window);

    private static ItemSummary Summary(DefinitionSet set, ItemDefinition item)
    {
        var guide = item.Guide!;
        var window = set.Windows.FirstOrDefault(w => w.Kind == WindowKind.Comprehensive && w.Departments.Contains(guide.Department));
        return new ItemSummary(
            item.Id, guide.Name, ScalarCodec.Write(guide.Type), ScalarCodec.Describe(guide.Type),
            guide.Department, set.Department(guide.Department)?.Name ?? guide.Department,
            ScalarCodec.Write(guide.HandlingType), ScalarCodec.Describe(guide.HandlingType),
            guide.Limits.Statutory.ToYaml(), guide.Limits.Promised.ToYaml(), guide.BaseCode, window?.Id);
    }
}

// The items' answers are written with DefinitionJson.Options (kebab-case keys, nulls left out, as the files).

[DefinitionShaped]
public sealed record ItemList(string Version, IReadOnlyList<ItemEndpoints.ItemSummary> Items);

/// <param name="Guide">办事指南 (definitions.d.ts: Guide).</param>
/// <param name="Materials">材料 (definitions.d.ts: Material[]).</param>
/// <param name="Form">申请表 (definitions.d.ts: Form), absent when the item has none.</param>
[DefinitionShaped]
public sealed record ItemDetail(string Id, string Version, ItemEndpoints.ItemSummary Summary,
    System.Text.Json.Nodes.JsonNode? Guide, System.Text.Json.Nodes.JsonNode? Materials, System.Text.Json.Nodes.JsonNode? Form, ItemAcceptance Acceptance);

/// <summary>
/// The item's acceptance set-up (DOMAIN §3). Keys spelled here, nulls written (this object never followed the files' naming).
/// </summary>
public sealed record ItemAcceptance(
    [property: System.Text.Json.Serialization.JsonPropertyName("setUp")] AcceptanceSetUp SetUp,
    [property: System.Text.Json.Serialization.JsonPropertyName("stepName"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? StepName,
    [property: System.Text.Json.Serialization.JsonPropertyName("department"), System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Never)] string? Department);

/// <summary>The applicant and form the checklist is computed for (read by hand; described here for the document).</summary>
public sealed record ChecklistRequest(System.Text.Json.Nodes.JsonObject? Applicant, System.Text.Json.Nodes.JsonObject? Form);

/// <param name="Shared">Material id → the certificate 信息共享 found (staff at work on cases only).</param>
[DefinitionShaped]
public sealed record ChecklistAnswer(string Item, string Version, IReadOnlyList<ChecklistRow> Materials, IReadOnlyDictionary<string, SharedCertificate> Shared);

/// <param name="Material">The material as the files spell it (definitions.d.ts: Material).</param>
[DefinitionShaped]
public sealed record ChecklistRow(System.Text.Json.Nodes.JsonNode Material, bool Applies, string? ConditionError);

/// <param name="Certificate">The certificate as the connector answered (its fields vary by connector).</param>
/// <param name="Name">The certificate's name, for the checklist's tag (absent when the connector gave none).</param>
[DefinitionShaped]
public sealed record SharedCertificate(System.Text.Json.Nodes.JsonObject Certificate, string? Note, string Connector, string? Name);

[DefinitionShaped]
public sealed record DefinitionStatus(PluginStatus Plugins, string? Version, DateTimeOffset? LoadedAt, int Items,
    DateTimeOffset? LastAttemptAt, bool LastAttemptFailed, IReadOnlyList<DefinitionDiagnostic> Diagnostics);

[DefinitionShaped]
public sealed record PluginStatus(IReadOnlyList<string> Loaded, IReadOnlyList<string> Problems);

/// <param name="Severity">error or warning.</param>
[DefinitionShaped]
public sealed record DefinitionDiagnostic(string Severity, string Code, string? File, int Line, int Column, string Message);
