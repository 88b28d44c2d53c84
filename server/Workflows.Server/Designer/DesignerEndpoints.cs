using System.Text.Json.Nodes;
using Workflows.Definitions.Json;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;
using Workflows.Scripting;
using Workflows.Scripting.Checklists;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Hosting;

namespace Workflows.Server.Designer;

/// <summary>
/// <c>/api/designer</c>: what the designer screens read, validate and save. Reads come from the
/// county work tree (drafts included); every answer about a file carries its ETag; saves take
/// <c>If-Match</c> and write canonical text. Publishing, history and the catalogue are in
/// <see cref="DesignerPublishEndpoints"/> and <see cref="DesignerCatalogEndpoints"/>.
/// </summary>
public static class DesignerEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var designer = app.MapGroup("/api/designer").WithTags("设计器 designer");
        designer.MapGet("/reference", Reference).WithSummary("设计器字典：部门、窗口、角色、步骤类型、材料枚举、脚本变量与函数 (pickers and completion)")
            .Produces<DesignerReference>().DesignerProblems();
        designer.MapGet("/items/{id}", GetItem).WithSummary("事项的全部文件：模型、原文、ETag、模板、表单字段、校验结果 (an item for editing)")
            .Produces<DesignerItem>().DesignerProblems();
        designer.MapGet("/items/{id}/{file}", GetFile).WithSummary("事项的一个文件 guide|materials|form|workflow：模型、原文、ETag (one file)")
            .Produces<DesignerFileView>().DesignerProblems();
        designer.MapPut("/items/{id}/{file}", SaveFile).WithSummary("保存文件（If-Match；规范格式写入工作区，不发布）(save a file)")
            .Accepts<DesignerDraft>("application/json").Produces<DesignerSaved>().DesignerProblems()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        designer.MapPost("/items/{id}/{file}/validate", ValidateFile).WithSummary("校验草稿，不保存：带位置的诊断 (validate a draft)")
            .Accepts<DesignerDraft>("application/json").Produces<DesignerValidation>().DesignerProblems();
        designer.MapPost("/items/{id}/checklist", Checklist).WithSummary("按示例申请人计算草稿材料清单中适用的材料 (evaluate a draft checklist)")
            .Accepts<DesignerChecklistRequest>("application/json").Produces<DesignerChecklist>().DesignerProblems();
        DesignerTemplateEndpoints.Map(designer);
        DesignerCatalogEndpoints.Map(designer);
        DesignerPublishEndpoints.Map(designer);
        DesignerCalendarEndpoints.Map(designer);
    }

    /// <summary>The signed-in designer and the workspace, or the problem to answer (401, 403, 503).</summary>
    internal static (CurrentUser? User, DesignerWorkspace? Workspace, IResult? Problem) Begin(HttpContext context)
    {
        if (CurrentUser.From(context.User) is not { } user) return (null, null, Problems.SignInRequired());
        if (!DesignerAccess.MayDesign(user)) return (null, null, Problems.Denied("设计器仅供管理员和部门事项编辑使用 (designer: admins and department editors)"));
        if (context.RequestServices.GetService<DesignerWorkspace>() is not { } workspace)
            return (null, null, Problems.Of(503, Problems.NoWorkTree, "设计器需要县定义 git 工作区 (the designer needs the county work tree)",
                "以 --data 启动服务（不要用 --definitions），定义放在 data/county 中"));
        return (user, workspace, null);
    }

    /// <summary>Begin, then the item must exist and the user must see it (404 before 403 only for items the user could see).</summary>
    internal static (CurrentUser? User, DesignerWorkspace? Workspace, Guide? Guide, IResult? Problem) BeginItem(HttpContext context, string id)
    {
        var (user, workspace, problem) = Begin(context);
        if (problem is not null) return (null, null, null, problem);
        if (!DesignerWorkspace.IsItemId(id) || !workspace!.ItemExists(id)) return (null, null, null, Problems.ItemNotFound(id));
        var guide = workspace.GuideOf(id);
        if (!DesignerAccess.MaySee(user!, guide?.Department))
            return (null, null, null, Problems.Denied($"事项 {id} 不属于本部门 (not your department's item)"));
        return (user, workspace, guide, null);
    }

    internal static IResult Json(object value, int status = 200) => Results.Json(value, DefinitionJson.Options, statusCode: status);

    internal static IResult Invalid(IReadOnlyList<DesignerDiagnostic> diagnostics, string title, IDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?> { ["diagnostics"] = JsonSerializerNode(diagnostics) };
        if (more is not null) foreach (var (k, v) in more) extensions[k] = v;
        var first = diagnostics.FirstOrDefault(d => d.IsError);
        return Problems.Of(422, Problems.DefinitionInvalid, title, first is null ? null : $"{first.File}:{first.Line}:{first.Column}: {first.Code} {first.Message}", extensions);
    }

    /// <summary>The problems every designer operation may answer with: bad input, signed out, not a designer, unknown, no work tree.</summary>
    internal static RouteHandlerBuilder DesignerProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    internal static DesignerFileView View(DesignerFile file, bool editable) =>
        new(file.Path, file.ETag, file.Text, Api.ItemEndpoints.Model(file.Model), editable);

    private static IResult Reference(HttpContext context, DefinitionCatalog catalog)
    {
        var (_, workspace, problem) = Begin(context);
        if (problem is not null) return problem;
        var departments = workspace!.Read("definitions/departments.yaml")?.Model as List<Department> ?? [];
        var windows = workspace.Read("definitions/windows.yaml")?.Model as List<Window> ?? [];
        var roles = workspace.Read("definitions/roles.yaml")?.Model as List<Role> ?? [];
        return Json(new DesignerReference(
            departments.Select(d => new ReferenceDepartment(d.Id, d.Name, d.ShortName)).ToList(),
            windows.Select(w => new ReferenceWindow(w.Id, w.Name, ScalarCodec.Write(w.Kind), w.Departments)).ToList(),
            roles.Select(r => new ReferenceRole(r.Id, r.Name, ScalarCodec.Write(r.Scope))).ToList(),
            Enum.GetValues<StepKind>().Where(WorkflowRules.IsRunnable).Select(k => new ReferenceStepKind(k, ScalarCodec.Describe(k), WorkflowRules.KeysOf(k))).ToList(),
            Outcomes.Labels.Select(o => new ReferenceOption(o.Key, o.Value)).ToList(),
            new Dictionary<string, IReadOnlyList<ReferenceOption>>
            {
                ["material-kind"] = Options<MaterialKind>(), ["material-form"] = Options<MaterialForm>(), ["necessity"] = Options<Necessity>(),
                ["material-source"] = Options<MaterialSource>(), ["field-type"] = Options<FieldType>(), ["applicant-type"] = Options<ApplicantType>(),
                ["item-type"] = Options<ItemType>(), ["handling-type"] = Options<HandlingType>(), ["handling-case"] = Options<HandlingCase>(),
                ["level"] = Options<Level>(), ["item-status"] = Options<ItemStatus>(), ["sign-mode"] = Options<SignMode>(),
                ["window-kind"] = Options<WindowKind>(), ["result-type"] = Options<ResultType>(),
            },
            DefinitionLoader.FindTemplates(workspace.TemplatesRoot).Keys.Order(StringComparer.Ordinal).ToList(),
            ItemStarters.Types.Select(t => new ReferenceStarter(ScalarCodec.Write(t), ScalarCodec.Describe(t), ItemStarters.StepsOf(t))).ToList(),
            ScriptReference,
            catalog.Current?.Version));
    }

    private static IReadOnlyList<ReferenceOption> Options<T>() where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new ReferenceOption(ScalarCodec.Write(v), ScalarCodec.Describe(v))).ToList();

    /// <summary>What a condition may use (the validator's vocabulary), with Chinese descriptions for completion.</summary>
    private static readonly ScriptReferenceView ScriptReference = new(
        ScriptVocabulary.Globals.Order(StringComparer.Ordinal).ToList(),
        new Dictionary<string, string>
        {
            ["type"] = "申请人类型：'person' 个人 | 'organization' 单位", ["name"] = "姓名或单位名称", ["idNumber"] = "居民身份证号码",
            ["uscc"] = "统一社会信用代码", ["phone"] = "联系电话", ["address"] = "地址", ["legalRepresentative"] = "法定代表人",
        },
        new Dictionary<string, string>
        {
            ["form"] = "申请表字段：form.字段标识", ["materials"] = "材料：materials['材料标识'].received", ["today"] = "今天，如 '2026-11-22'",
        },
        [
            new("idcard.valid", "idcard.valid(s)", "身份证号码校验位是否正确"),
            new("idcard.birth", "idcard.birth(s)", "身份证号码中的出生日期"),
            new("idcard.gender", "idcard.gender(s)", "性别：'male' | 'female'"),
            new("uscc.valid", "uscc.valid(s)", "统一社会信用代码校验位是否正确"),
            new("age", "age(idNumberOrDate[, at])", "周岁年龄"),
            new("workdays.add", "workdays.add(date, n)", "加 n 个工作日"),
            new("workdays.between", "workdays.between(a, b)", "两日期间的工作日数"),
            new("date.format", "date.format(d, pattern)", "格式化日期"),
            new("date.addDays", "date.addDays(d, n)", "加 n 个自然日"),
        ]);

    private static IResult GetItem(HttpContext context, DefinitionCatalog catalog, string id)
    {
        var (user, workspace, guide, problem) = BeginItem(context, id);
        if (problem is not null) return problem;
        var files = new Dictionary<string, DesignerFileView?>();
        foreach (var name in DesignerWorkspace.ItemFileNames)
        {
            var file = workspace!.Read(DesignerWorkspace.ItemPath(id, name));
            files[name] = file is null ? null : View(file, DesignerAccess.MayEdit(user!, guide?.Department, name));
        }
        var form = workspace!.Read(DesignerWorkspace.ItemPath(id, "form"))?.Model as Form;
        var workflow = workspace.Read(DesignerWorkspace.ItemPath(id, "workflow"))?.Model as Workflow;
        var templates = DesignerWorkspace.TemplatesOf(guide, workflow).Select(t =>
        {
            var file = workspace.Read(DesignerWorkspace.TemplatePath(t));
            return new DesignerItemTemplate(t, DesignerWorkspace.TemplatePath(t), file?.ETag, file?.Text, file is not null, DesignerAccess.MayManageCatalog(user!));
        }).ToList();
        return Json(new DesignerItem(
            id,
            guide?.Name,
            guide?.Department,
            guide?.IsRetired ?? false,
            workspace.Repository.Show("HEAD", DesignerWorkspace.ItemPath(id, "guide")) is not null,
            workspace.Repository.PendingPaths($"{CountyRepository.Definitions}/items/{id}"),
            files,
            templates,
            DesignerWorkspace.FieldsOf(form),
            workspace.ValidateItem(id, new Dictionary<string, string>()),
            catalog.Current?.Version));
    }

    private static IResult GetFile(HttpContext context, string id, string file)
    {
        if (!DesignerWorkspace.IsItemFile(file)) return UnknownFile(file);
        var (user, workspace, guide, problem) = BeginItem(context, id);
        if (problem is not null) return problem;
        if (workspace!.Read(DesignerWorkspace.ItemPath(id, file)) is not { } current)
            return Problems.Of(404, Problems.NotFound, "文件不存在 (no such file)", DesignerWorkspace.ItemPath(id, file));
        context.Response.Headers.ETag = current.ETag;
        return Json(View(current, DesignerAccess.MayEdit(user!, guide?.Department, file)));
    }

    internal static IResult UnknownFile(string file) =>
        Problems.Of(404, Problems.NotFound, "没有这种事项文件 (no such item file)", $"'{file}' 应为 guide、materials、form、workflow");

    private static async Task<IResult> ValidateFile(HttpContext context, string id, string file)
    {
        if (!DesignerWorkspace.IsItemFile(file)) return UnknownFile(file);
        var (_, workspace, _, problem) = BeginItem(context, id);
        if (problem is not null) return problem;
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var draft = DesignerWorkspace.TextOf(DesignerWorkspace.KindOf(file), body!);
        if (draft.Error is not null) return Problems.Invalid(draft.Error);
        var diagnostics = workspace!.ValidateItem(id, new Dictionary<string, string> { [file] = draft.Text! });
        var (model, _) = workspace.Parse(DesignerWorkspace.KindOf(file), DesignerWorkspace.ItemPath(id, file), draft.Text!);
        return Json(new DesignerValidation(
            !diagnostics.Any(d => d.IsError),
            DesignerWorkspace.ItemPath(id, file),
            // What a save would write: the canonical text (null while the draft does not parse).
            model is null ? null : DefinitionFile.Format(model),
            diagnostics));
    }

    private static async Task<IResult> SaveFile(HttpContext context, string id, string file)
    {
        if (!DesignerWorkspace.IsItemFile(file)) return UnknownFile(file);
        var (user, workspace, guide, problem) = BeginItem(context, id);
        if (problem is not null) return problem;
        if (!DesignerAccess.MayEdit(user!, guide?.Department, file))
            return Problems.Denied(user!.IsAdmin ? "" : $"部门事项编辑只能修改本部门事项的办事指南和申请材料，不能修改 {file} (department editors edit guides and materials)");
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var kind = DesignerWorkspace.KindOf(file);
        var draft = DesignerWorkspace.TextOf(kind, body!);
        if (draft.Error is not null) return Problems.Invalid(draft.Error);
        var path = DesignerWorkspace.ItemPath(id, file);
        var (model, parseDiagnostics) = workspace!.Parse(kind, path, draft.Text!);
        if (model is null) return Invalid(parseDiagnostics, "草稿无法解析，未保存 (the draft does not parse; not saved)");
        // A department editor cannot hand its item to another department.
        if (model is Guide newGuide && !DesignerAccess.MayEdit(user!, newGuide.Department, file))
            return Problems.Denied($"实施主体只能是本部门 {user!.Department} (the implementing department must stay yours)");
        var canonical = DefinitionFile.Format(model);

        await workspace.Gate.WaitAsync(context.RequestAborted);
        try
        {
            var current = workspace.Read(path);
            var ifMatch = context.Request.Headers.IfMatch.ToString();
            if (current is not null && ifMatch.Length == 0)
                return Problems.Of(428, Problems.PreconditionRequired, "保存需要 If-Match (If-Match required)", "请带上读取文件时得到的 ETag，以免覆盖他人的修改");
            if (current is not null && ifMatch != "*" && ifMatch != current.ETag)
                return Conflict(current, DesignerAccess.MayEdit(user!, guide?.Department, file));
            var diagnostics = workspace.ValidateItem(id, new Dictionary<string, string> { [file] = canonical });
            if (diagnostics.Any(d => d.IsError)) return Invalid(diagnostics, "草稿有错误，未保存 (the draft has errors; not saved)");
            if (current?.Text != canonical) workspace.Write(path, canonical);
            var saved = workspace.Read(path)!;
            context.Response.Headers.ETag = saved.ETag;
            return Json(new DesignerSaved(path, saved.ETag, saved.Text, Api.ItemEndpoints.Model(saved.Model), true, current?.Text != canonical, diagnostics));
        }
        finally
        {
            workspace.Gate.Release();
        }
    }

    /// <summary>409 with the file as it is now, so the editor can show both sides and nothing is lost.</summary>
    internal static IResult Conflict(DesignerFile current, bool editable) =>
        Problems.Of(409, Problems.VersionConflict, "文件已被他人修改 (someone saved first)", $"{current.Path} 已有更新的版本，请合并后再保存",
            new Dictionary<string, object?> { ["current"] = JsonSerializerNode(View(current, editable)), ["etag"] = current.ETag });

    // Problem extensions are serialised with the default options; the model inside uses the files' vocabulary.
    internal static JsonNode? JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, DefinitionJson.Options);

    private static readonly JsonArray DefaultSamples =
    [
        new JsonObject { ["name"] = "个人申请人", ["applicant"] = new JsonObject { ["type"] = "person", ["name"] = "王晓雪", ["idNumber"] = "230903199003154528" } },
        new JsonObject { ["name"] = "单位申请人", ["applicant"] = new JsonObject { ["type"] = "organization", ["name"] = "七台河市桃山区示例有限公司", ["uscc"] = "91230903MA1B2C3D4E" } },
    ];

    private static async Task<IResult> Checklist(HttpContext context, DefinitionCatalog catalog, string id)
    {
        var (_, workspace, _, problem) = BeginItem(context, id);
        if (problem is not null) return problem;
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var drafts = new Dictionary<string, string>();
        if (body!.ContainsKey("text") || body.ContainsKey("model"))
        {
            var draft = DesignerWorkspace.TextOf(FileKind.Materials, body);
            if (draft.Error is not null) return Problems.Invalid(draft.Error);
            drafts["materials"] = draft.Text!;
        }
        if (body["form"] is JsonObject formDraft)
        {
            var draft = DesignerWorkspace.TextOf(FileKind.Form, formDraft);
            if (draft.Error is not null) return Problems.Invalid("form: " + draft.Error);
            drafts["form"] = draft.Text!;
        }
        var samples = body["samples"] switch
        {
            null => DefaultSamples,
            JsonArray array when array.All(s => s is JsonObject) && array.Count is > 0 and <= 20 => array,
            _ => null,
        };
        if (samples is null) return Problems.Invalid("samples 应为 1 至 20 个示例申请的数组：{ name, applicant, form, materials }");

        var (set, item) = DefinitionLoader.LoadDraft(workspace!.DefinitionsRoot, workspace.TemplatesRoot, id,
            drafts.ToDictionary(d => d.Key + ".yaml", d => d.Value));
        DefinitionPipeline.Validator().ValidateItem(set, item, DefinitionPipeline.Today());
        var folder = Path.Combine(workspace.DefinitionsRoot, "items", id) + Path.DirectorySeparatorChar;
        var diagnostics = DesignerWorkspace.Relative(workspace.Repository.Root, set.Diagnostics.Sorted().Where(d => d.Location.File.StartsWith(folder, StringComparison.Ordinal)));
        // The same evaluator as POST /api/items/{id}/checklist, on the draft's materials.
        var calendar = catalog.Current?.Calendar ?? CalendarRules.Build(set.Calendars);
        var evaluator = new ChecklistEvaluator(new ScriptSandbox(calendar, DefinitionPipeline.Today));
        var results = samples.Select((sample, index) => new DesignerSampleResult(
            sample!["name"]?.ToString() ?? $"示例 {index + 1}",
            evaluator.Evaluate(item, sample.AsObject()).Select(e => new DesignerSampleMaterial(
                e.Material.Id, e.Material.Name, e.Applies,
                ScalarCodec.Write(e.Material.Necessity), ScalarCodec.Describe(e.Material.Necessity),
                e.Material.When, e.ConditionError)).ToList())).ToList();
        return Json(new DesignerChecklist(id, results, diagnostics));
    }
}

// The designer's answers are written with DefinitionJson.Options (kebab-case keys, nulls left out, as the files).

/// <param name="Enums">Each enum of the files (material-kind, field-type, ...) → its codes and labels.</param>
/// <param name="Templates">Template ids of the work tree.</param>
[DefinitionShaped]
public sealed record DesignerReference(IReadOnlyList<ReferenceDepartment> Departments, IReadOnlyList<ReferenceWindow> Windows, IReadOnlyList<ReferenceRole> Roles,
    IReadOnlyList<ReferenceStepKind> StepKinds, IReadOnlyList<ReferenceOption> Outcomes, IReadOnlyDictionary<string, IReadOnlyList<ReferenceOption>> Enums,
    IReadOnlyList<string> Templates, IReadOnlyList<ReferenceStarter> Starters, ScriptReferenceView Script, string? Version);

[DefinitionShaped] public sealed record ReferenceDepartment(string Id, string Name, string? ShortName);
[DefinitionShaped] public sealed record ReferenceWindow(string Id, string Name, string Kind, IReadOnlyList<string> Departments);
[DefinitionShaped] public sealed record ReferenceRole(string Id, string Name, string Scope);
/// <param name="Keys">The step keys this kind allows.</param>
[DefinitionShaped] public sealed record ReferenceStepKind(StepKind Value, string Label, IReadOnlyList<string> Keys);
[DefinitionShaped] public sealed record ReferenceOption(string Value, string Label);
/// <param name="Steps">The workflow a new item of this type starts with.</param>
[DefinitionShaped] public sealed record ReferenceStarter(string Type, string Label, IReadOnlyList<string> Steps);

/// <summary>What a condition may use, with Chinese descriptions for completion.</summary>
[DefinitionShaped]
public sealed record ScriptReferenceView(IReadOnlyList<string> Globals, IReadOnlyDictionary<string, string> Applicant, IReadOnlyDictionary<string, string> Data,
    IReadOnlyList<ScriptHelperView> Helpers);

[DefinitionShaped] public sealed record ScriptHelperView(string Name, string Signature, string Description);

/// <param name="Model">The parsed file as the files spell it (definitions.d.ts); absent when it does not parse.</param>
[DefinitionShaped]
public sealed record DesignerFileView(string Path, string Etag, string Text, JsonNode? Model, bool Editable);

/// <param name="Files">guide, materials, form, workflow → the file (null when the item has none).</param>
[DefinitionShaped]
public sealed record DesignerItem(string Id, string? Name, string? Department, bool Retired, bool Published, IReadOnlyList<string> PendingFiles,
    IReadOnlyDictionary<string, DesignerFileView?> Files, IReadOnlyList<DesignerItemTemplate> Templates, IReadOnlyList<DesignerField> Fields,
    IReadOnlyList<DesignerDiagnostic> Diagnostics, string? PublishedVersion);

[DefinitionShaped]
public sealed record DesignerItemTemplate(string Id, string Path, string? Etag, string? Text, bool Exists, bool Editable);

/// <summary>A draft: its YAML <c>text</c>, or its <c>model</c> as JSON (read by hand; described here for the document).</summary>
public sealed record DesignerDraft(string? Text, JsonObject? Model);

/// <param name="Canonical">What a save would write; absent while the draft does not parse.</param>
[DefinitionShaped]
public sealed record DesignerValidation(bool Valid, string Path, string? Canonical, IReadOnlyList<DesignerDiagnostic> Diagnostics);

/// <param name="Changed">Whether the file's text changed (a save of the same canonical text writes nothing).</param>
[DefinitionShaped]
public sealed record DesignerSaved(string Path, string Etag, string Text, JsonNode? Model, bool Editable, bool Changed, IReadOnlyList<DesignerDiagnostic> Diagnostics);

/// <summary>A draft materials file (text or model), an optional draft form, and 1–20 sample applications (read by hand).</summary>
public sealed record DesignerChecklistRequest(string? Text, JsonObject? Model, JsonObject? Form, JsonArray? Samples);

[DefinitionShaped]
public sealed record DesignerChecklist(string Item, IReadOnlyList<DesignerSampleResult> Samples, IReadOnlyList<DesignerDiagnostic> Diagnostics);

[DefinitionShaped]
public sealed record DesignerSampleResult(string Name, IReadOnlyList<DesignerSampleMaterial> Materials);

[DefinitionShaped]
public sealed record DesignerSampleMaterial(string Id, string Name, bool Applies, string Necessity, string NecessityLabel, string? When, string? ConditionError);
