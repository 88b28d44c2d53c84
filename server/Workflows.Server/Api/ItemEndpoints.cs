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
        items.MapGet("/", List).WithSummary("事项目录 (list items)");
        items.MapGet("/{id}", Get).WithSummary("事项详情：办事指南、材料、申请表 (one item's guide)");
        items.MapPost("/{id}/checklist", Checklist).WithSummary("按申请人和表单计算适用的材料 (materials that apply)");
        app.MapGet("/api/definitions/status", Status).WithTags("定义 definitions").WithSummary("当前定义版本与校验结果");
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
        return Results.Json(new { version = snapshot.Version, items = rows.ToList() }, DefinitionJson.Options);
    }

    private static IResult Get(DefinitionCatalog catalog, string id)
    {
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        if (snapshot.Set.Item(id) is not { Guide: not null } item) return Problems.ItemNotFound(id);
        return Results.Json(new
        {
            id = item.Id,
            version = snapshot.Version,
            summary = Summary(snapshot.Set, item),
            guide = item.Guide,
            materials = item.Materials,
            form = item.Form,
            acceptance = AcceptanceOf(snapshot.Set, item),
        }, DefinitionJson.Options);
    }

    /// <summary>
    /// The item's acceptance set-up (DOMAIN §3), so that the window offers 收件 only when the
    /// department decides acceptance (前台收件、后台受理), and 受理 in the department's name otherwise.
    /// </summary>
    private static System.Text.Json.Nodes.JsonObject AcceptanceOf(DefinitionSet set, ItemDefinition item)
    {
        var step = item.Workflow is { } workflow ? AcceptanceSetUpRules.BackOfficeStep(workflow) : null;
        var department = set.Departments.FirstOrDefault(d => d.Id == item.Guide?.Department);
        // Keys spelled here (the definitions' kebab-case naming applies to model objects, not to this one).
        return new System.Text.Json.Nodes.JsonObject
        {
            ["setUp"] = step is null ? "window" : "back-office",
            ["stepName"] = step?.Name,
            ["department"] = department?.Name,
        };
    }

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
        return Results.Json(new
        {
            item = item.Id, version = snapshot.Version, materials = result,
            shared = shared.ToDictionary(s => s.Key, s => new { certificate = s.Value.Certificate, note = s.Value.Note, connector = s.Value.ConnectorName }),
        }, DefinitionJson.Options);
    }

    private static IResult Status(DefinitionCatalog catalog, Plugins.PluginLoader.LoadReport plugins) => Results.Json(new
    {
        plugins = new { loaded = plugins.Loaded, problems = plugins.Problems },
        version = catalog.Current?.Version,
        loadedAt = catalog.Current?.LoadedAt,
        items = catalog.Current?.Set.Items.Count ?? 0,
        lastAttemptAt = catalog.LastAttemptAt,
        lastAttemptFailed = catalog.LastAttemptFailed,
        diagnostics = catalog.LastDiagnostics.Select(d => new
        {
            severity = d.IsError ? "error" : "warning", code = d.Code, file = d.Location.File, line = d.Location.Line, column = d.Location.Column, message = d.Message,
        }),
    }, DefinitionJson.Options);

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
