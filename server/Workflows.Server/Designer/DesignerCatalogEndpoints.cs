using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;
using Workflows.Server.Api;

namespace Workflows.Server.Designer;

/// <summary>
/// The designer's catalogue: every item of the work tree (drafts and retired ones too), creating
/// an item from a starter, duplicating one, retiring and reinstating. New and changed items go live
/// when published.
/// </summary>
public static class DesignerCatalogEndpoints
{
    public static void Map(RouteGroupBuilder designer)
    {
        designer.MapGet("/items", List).WithSummary("设计器事项目录：含草稿和已停用事项；按名称、编码、部门、类型筛选 (catalogue)")
            .Produces<DesignerCatalog>().DesignerProblems();
        designer.MapPost("/items", Create).WithSummary("从起始模板新建事项（管理员）(create an item from a starter)")
            .Accepts<CreateItemRequest>("application/json").Produces<DesignerNewItem>(StatusCodes.Status201Created).DesignerProblems()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        designer.MapPost("/items/{id}/duplicate", Duplicate).WithSummary("复制事项为新事项（管理员）(duplicate an item)")
            .Accepts<DuplicateItemRequest>("application/json").Produces<DesignerNewItem>(StatusCodes.Status201Created).DesignerProblems()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        designer.MapPost("/items/{id}/retire", (HttpContext context, string id) => SetStatus(context, id, retire: true)).WithSummary("停用事项：不再受理 (retire an item)")
            .Accepts<ItemStatusRequest>("application/json").Produces<DesignerItemStatus>().DesignerProblems()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        designer.MapPost("/items/{id}/reinstate", (HttpContext context, string id) => SetStatus(context, id, retire: false)).WithSummary("恢复已停用的事项 (reinstate an item)")
            .Accepts<ItemStatusRequest>("application/json").Produces<DesignerItemStatus>().DesignerProblems()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static IResult List(HttpContext context, string? q, string? department, string? type, bool? retired)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        var pending = workspace!.Repository.PendingPaths(CountyRepository.Definitions + "/items")
            .Select(p => p.Split('/')).Where(p => p.Length > 2).Select(p => p[2]).ToHashSet(StringComparer.Ordinal);
        var departments = workspace.Read("definitions/departments.yaml")?.Model as List<Department> ?? [];
        var rows = workspace.ItemIds().Select(id => (Id: id, Guide: workspace.GuideOf(id)))
            .Where(r => DesignerAccess.MaySee(user!, r.Guide?.Department))
            .Select(r => new DesignerCatalogRow(
                r.Id,
                r.Guide?.Name ?? r.Id,
                r.Guide?.BaseCode,
                r.Guide?.Department,
                departments.FirstOrDefault(d => d.Id == r.Guide?.Department)?.Name,
                r.Guide is null ? null : ScalarCodec.Write(r.Guide.Type),
                r.Guide is null ? null : ScalarCodec.Describe(r.Guide.Type),
                r.Guide?.IsRetired ?? false,
                r.Guide is not null,
                pending.Contains(r.Id),
                DesignerWorkspace.ItemFileNames.Where(f => DesignerAccess.MayEdit(user!, r.Guide?.Department, f)).ToList()));
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(r => r.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Id.Contains(q, StringComparison.OrdinalIgnoreCase)
                                   || (r.BaseCode ?? "").Contains(q, StringComparison.OrdinalIgnoreCase));
        if (!string.IsNullOrWhiteSpace(department)) rows = rows.Where(r => r.Department == department);
        if (!string.IsNullOrWhiteSpace(type)) rows = rows.Where(r => r.Type == type);
        if (retired is { } wanted) rows = rows.Where(r => r.Retired == wanted);
        return DesignerEndpoints.Json(new DesignerCatalog(rows.ToList()));
    }

    private static async Task<IResult> Create(HttpContext context, CancellationToken cancel)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        if (!DesignerAccess.MayManageCatalog(user!)) return Problems.Denied("只有管理员可以新建事项 (only admins create items)");
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var args = new JsonArgs(body!);
        var id = args.Required("id");
        var name = args.Required("name");
        var department = args.Required("department");
        var typeText = args.String("type") ?? "licensing";
        if (!args.Ok) return args.Problem();
        if (!ScalarCodec.TryRead(typeof(ItemType), typeText, out var typeValue, out var typeError)) return Problems.Invalid("type: " + typeError);
        if (!DesignerWorkspace.IsItemId(id)) return Problems.Invalid($"事项标识 '{id}' 应为 kebab-case：小写字母开头，仅含小写字母、数字和 -");
        var windows = workspace!.Read("definitions/windows.yaml")?.Model as List<Window> ?? [];
        var intake = windows.FirstOrDefault(w => w.Kind == WindowKind.Comprehensive && w.Departments.Contains(department))
                     ?? windows.FirstOrDefault(w => w.Kind == WindowKind.Comprehensive);
        if (intake is null) return Problems.Invalid("windows.yaml 中没有综合受理窗口 (no comprehensive window)");
        var issuance = windows.FirstOrDefault(w => w.Kind == WindowKind.Issuance)?.Id;
        var files = ItemStarters.Create(name, (ItemType)typeValue!, department, intake.Id, issuance);
        return await workspace.OnceAsync(context, user!.UserName, () => WriteNewItemAsync(context, workspace, id, files));
    }

    private static async Task<IResult> Duplicate(HttpContext context, string id)
    {
        var (user, workspace, _, problem) = DesignerEndpoints.BeginItem(context, id);
        if (problem is not null) return problem;
        if (!DesignerAccess.MayManageCatalog(user!)) return Problems.Denied("只有管理员可以复制事项 (only admins duplicate items)");
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var args = new JsonArgs(body!);
        var newId = args.Required("id");
        var name = args.String("name");
        if (!args.Ok) return args.Problem();
        if (!DesignerWorkspace.IsItemId(newId)) return Problems.Invalid($"事项标识 '{newId}' 应为 kebab-case");
        var files = new Dictionary<string, object>();
        foreach (var file in DesignerWorkspace.ItemFileNames)
        {
            if (workspace!.Read(DesignerWorkspace.ItemPath(id, file))?.Model is not { } model)
                return Problems.Of(422, Problems.DefinitionInvalid, "原事项的文件无法读取，不能复制 (the item's files do not read)", DesignerWorkspace.ItemPath(id, file));
            files[file] = model;
        }
        var guide = (Guide)files["guide"];
        guide.Name = name ?? guide.Name + "（副本）";
        // A copy starts in service even when its original was retired.
        guide.Status = null;
        guide.StatusNote = null;
        return await workspace!.OnceAsync(context, user!.UserName, () => WriteNewItemAsync(context, workspace, newId, files));
    }

    private static async Task<IResult> WriteNewItemAsync(HttpContext context, DesignerWorkspace workspace, string id, IReadOnlyDictionary<string, object> files)
    {
        var texts = files.ToDictionary(f => f.Key, f => DefinitionFile.Format(f.Value));
        await workspace.Gate.WaitAsync(context.RequestAborted);
        try
        {
            if (workspace.ItemExists(id))
                return Problems.Of(409, Problems.VersionConflict, "事项标识已存在 (the item exists)", $"已有事项 '{id}'，请换一个标识");
            var diagnostics = workspace.ValidateItem(id, texts);
            if (diagnostics.Any(d => d.IsError)) return DesignerEndpoints.Invalid(diagnostics, "新事项有错误，未创建 (the new item has errors; not created)");
            foreach (var (file, text) in texts) workspace.Write(DesignerWorkspace.ItemPath(id, file), text);
            return DesignerEndpoints.Json(new DesignerNewItem(
                id,
                texts.ToDictionary(t => t.Key, t => workspace.Read(DesignerWorkspace.ItemPath(id, t.Key)) is { } f ? DesignerEndpoints.View(f, true) : null),
                diagnostics), 201);
        }
        finally
        {
            workspace.Gate.Release();
        }
    }

    private static async Task<IResult> SetStatus(HttpContext context, string id, bool retire)
    {
        var (user, workspace, guide, problem) = DesignerEndpoints.BeginItem(context, id);
        if (problem is not null) return problem;
        if (!DesignerAccess.MayEdit(user!, guide?.Department, "guide")) return Problems.Denied($"无权修改事项 {id} 的办事指南");
        // A department may stop receiving an item at once; taking a retired item back into service is the administrator's call.
        if (!retire && !user!.IsAdmin) return Problems.Denied($"只有管理员可以恢复已停用的事项 {id}");
        if (guide is null) return Problems.Of(422, Problems.DefinitionInvalid, "办事指南无法读取 (the guide does not read)", DesignerWorkspace.ItemPath(id, "guide"));
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var note = new JsonArgs(body!).String("note");
        if (retire && string.IsNullOrWhiteSpace(note)) return Problems.Invalid("停用事项须说明原因 note (say why)");
        return await workspace!.OnceAsync(context, user!.UserName, async () =>
        {
            var path = DesignerWorkspace.ItemPath(id, "guide");
            await workspace.Gate.WaitAsync(context.RequestAborted);
            try
            {
                var current = workspace.Read(path)!;
                var ifMatch = context.Request.Headers.IfMatch.ToString();
                if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != current.ETag) return DesignerEndpoints.Conflict(current, true);
                if (current.Model is not Guide model) return Problems.Of(422, Problems.DefinitionInvalid, "办事指南无法读取 (the guide does not read)", path);
                model.Status = retire ? ItemStatus.Retired : null;
                model.StatusNote = retire ? note : null;
                var text = DefinitionFile.Format(model);
                var diagnostics = workspace.ValidateItem(id, new Dictionary<string, string> { ["guide"] = text });
                if (diagnostics.Any(d => d.IsError)) return DesignerEndpoints.Invalid(diagnostics, "办事指南有错误，未保存 (the guide has errors; not saved)");
                workspace.Write(path, text);
                var saved = workspace.Read(path)!;
                context.Response.Headers.ETag = saved.ETag;
                return DesignerEndpoints.Json(new DesignerItemStatus(id, retire, DesignerEndpoints.View(saved, true), diagnostics));
            }
            finally
            {
                workspace.Gate.Release();
            }
        });
    }
}

[Api.DefinitionShaped] public sealed record DesignerCatalog(IReadOnlyList<DesignerCatalogRow> Items);

/// <param name="Readable">Whether the guide parses (an item whose guide does not is listed by its id).</param>
/// <param name="Pending">Changed in the work tree since the last publication.</param>
/// <param name="Editable">The files the signed-in user may change.</param>
[Api.DefinitionShaped]
public sealed record DesignerCatalogRow(string Id, string Name, string? BaseCode, string? Department, string? DepartmentName, string? Type, string? TypeLabel,
    bool Retired, bool Readable, bool Pending,
    [property: System.ComponentModel.DataAnnotations.AllowedValues("guide", "materials", "form", "workflow")] IReadOnlyList<string> Editable);

/// <param name="Files">guide, materials, form, workflow → the file as written.</param>
[Api.DefinitionShaped]
public sealed record DesignerNewItem(string Id, IReadOnlyDictionary<string, DesignerFileView?> Files, IReadOnlyList<DesignerDiagnostic> Diagnostics);

[Api.DefinitionShaped]
public sealed record DesignerItemStatus(string Id, bool Retired, DesignerFileView Guide, IReadOnlyList<DesignerDiagnostic> Diagnostics);

/// <summary>Read by hand with JsonArgs; described here for the document.</summary>
/// <param name="Type">The item type (default licensing).</param>
public sealed record CreateItemRequest(string Id, string Name, string Department, string? Type = null);

public sealed record DuplicateItemRequest(string Id, string? Name = null);

/// <param name="Note">Why the item is retired (required to retire).</param>
public sealed record ItemStatusRequest(string? Note = null);
