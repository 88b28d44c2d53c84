using System.Text.Json.Nodes;
using Workflows.Documents.Layout;
using Workflows.Documents.Rendering;
using Workflows.Documents.Templates;
using Workflows.Server.Api;
using Workflows.Server.Documents;

namespace Workflows.Server.Designer;

/// <summary>
/// Templates (notices and certificates, <c>templates/{folder}/{name}.sbn</c>, Scriban) in the designer: read
/// with ETag and sample data, preview a draft as PDF (errors located in the draft), save (administrators).
/// </summary>
public static class DesignerTemplateEndpoints
{
    private static readonly HashSet<string> Folders = new(StringComparer.Ordinal) { "notices", "certificates" };

    public static void Map(RouteGroupBuilder designer)
    {
        designer.MapGet("/templates", List).WithSummary("模板列表 (templates)").Produces<DesignerTemplateList>().DesignerProblems();
        designer.MapGet("/templates/{folder}/{name}", Get).WithSummary("模板原文、ETag 与示例数据 (a template for editing)")
            .Produces<DesignerTemplate>().DesignerProblems();
        designer.MapPut("/templates/{folder}/{name}", Save).WithSummary("保存模板（管理员，If-Match）(save a template)")
            .Accepts<TemplateDraft>("application/json").Produces<DesignerTemplateSaved>().DesignerProblems()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        designer.MapPost("/templates/{folder}/{name}/preview", Preview).WithSummary("预览模板草稿为 PDF：正文 text、示例数据 data；错误带行列 (preview a draft template)")
            .Accepts<TemplatePreviewRequest>("application/json").Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf").DesignerProblems()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static (string? Id, IResult? Problem) IdOf(string folder, string name) =>
        Folders.Contains(folder) && DesignerWorkspace.IsItemId(name)
            ? ($"{folder}/{name}", null)
            : (null, Problems.Of(404, Problems.NotFound, "模板不存在 (no such template)", $"模板应为 notices/名称 或 certificates/名称"));

    private static IResult List(HttpContext context)
    {
        var (_, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        var templates = Definitions.Loading.DefinitionLoader.FindTemplates(workspace!.TemplatesRoot).Keys.Order(StringComparer.Ordinal)
            .Select(id => new DesignerTemplateRef(id, DesignerWorkspace.TemplatePath(id))).ToList();
        return DesignerEndpoints.Json(new DesignerTemplateList(templates));
    }

    private static IResult Get(HttpContext context, string folder, string name)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        var (id, unknown) = IdOf(folder, name);
        if (unknown is not null) return unknown;
        if (workspace!.Read(DesignerWorkspace.TemplatePath(id!)) is not { } file) return IdOf("", "").Problem!;
        context.Response.Headers.ETag = file.ETag;
        var samplePath = TemplateStore.SamplePathOf(workspace.FullPath(file.Path));
        return DesignerEndpoints.Json(new DesignerTemplate(id!, file.Path, file.ETag, file.Text,
            File.Exists(samplePath) ? JsonNode.Parse(File.ReadAllText(samplePath)) : null,
            DesignerAccess.MayManageCatalog(user!)));
    }

    private static async Task<IResult> Save(HttpContext context, string folder, string name)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        var (id, unknown) = IdOf(folder, name);
        if (unknown is not null) return unknown;
        if (!DesignerAccess.MayManageCatalog(user!)) return Problems.Denied("只有管理员可以修改模板 (only admins edit templates)");
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        if (body!["text"] is not JsonValue value || !value.TryGetValue<string>(out var text)) return Problems.Invalid("请求体应为 { text: 模板原文 }");
        var path = DesignerWorkspace.TemplatePath(id!);
        var problems = new ScribanTemplateChecker().Check(workspace!.FullPath(path), text).ToList();
        var diagnostics = problems.Select(p => new DesignerDiagnostic(p.IsWarning ? "warning" : "error", "WF5001", path, p.Line, p.Column, p.Message)).ToList();
        if (diagnostics.Any(d => d.IsError)) return DesignerEndpoints.Invalid(diagnostics, "模板有错误，未保存 (the template has errors; not saved)");
        await workspace.Gate.WaitAsync(context.RequestAborted);
        try
        {
            var current = workspace.Read(path);
            var ifMatch = context.Request.Headers.IfMatch.ToString();
            if (current is not null && ifMatch.Length == 0)
                return Problems.Of(428, Problems.PreconditionRequired, "保存需要 If-Match (If-Match required)", "请带上读取模板时得到的 ETag");
            if (current is not null && ifMatch != "*" && ifMatch != current.ETag) return DesignerEndpoints.Conflict(current, true);
            workspace.Write(path, text);
            var saved = workspace.Read(path)!;
            context.Response.Headers.ETag = saved.ETag;
            return DesignerEndpoints.Json(new DesignerTemplateSaved(id!, path, saved.ETag, saved.Text, diagnostics));
        }
        finally
        {
            workspace.Gate.Release();
        }
    }

    private static async Task<IResult> Preview(HttpContext context, string folder, string name)
    {
        var (_, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        var (id, unknown) = IdOf(folder, name);
        if (unknown is not null) return unknown;
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var path = workspace!.FullPath(DesignerWorkspace.TemplatePath(id!));
        var text = body!["text"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? body["text"]!.GetValue<string>()
            : File.Exists(path) ? File.ReadAllText(path) : null;
        if (text is null) return Problems.Invalid("模板尚不存在，请在 text 中给出模板原文");
        var data = body["data"] as JsonObject ?? (File.Exists(TemplateStore.SamplePathOf(path)) ? TemplateStore.Sample(path) : new JsonObject());
        var mode = context.Request.Query["mode"].ToString() == "overprint" || body["mode"]?.ToString() == "overprint" ? OutputMode.Overprint : OutputMode.Electronic;
        try
        {
            var renderer = DocumentService.For(workspace.TemplatesRoot, workspace.DefinitionsRoot);
            var result = renderer.RenderText(path, text, data, new RenderOptions(mode));
            context.Response.Headers["X-Document-Pages"] = result.PageCount.ToString();
            if (result.Warnings.Count > 0) context.Response.Headers["X-Document-Warnings"] = Uri.EscapeDataString(string.Join("\n", result.Warnings));
            return Results.File(result.Pdf, "application/pdf", id!.Replace('/', '-') + ".pdf");
        }
        catch (DocumentException e)
        {
            var status = e.Code == DocumentException.NoFont ? 503 : 422;
            return Problems.Of(status, e.Code, "文书无法生成 (the document cannot be rendered)", e.ToString(), new Dictionary<string, object?>
            {
                ["file"] = DesignerWorkspace.TemplatePath(id!), ["line"] = e.Line == 0 ? null : e.Line, ["column"] = e.Column == 0 ? null : e.Column,
                ["message"] = e.Message,
            });
        }
    }
}

[Api.DefinitionShaped] public sealed record DesignerTemplateList(IReadOnlyList<DesignerTemplateRef> Templates);

[Api.DefinitionShaped] public sealed record DesignerTemplateRef(string Id, string Path);

/// <param name="Sample">The template's sample data (its .sample.json), absent when it has none.</param>
[Api.DefinitionShaped]
public sealed record DesignerTemplate(string Id, string Path, string Etag, string Text, JsonNode? Sample, bool Editable);

[Api.DefinitionShaped]
public sealed record DesignerTemplateSaved(string Id, string Path, string Etag, string Text, IReadOnlyList<DesignerDiagnostic> Diagnostics);

/// <summary>A template's text to save (read by hand; described here for the document).</summary>
public sealed record TemplateDraft(string Text);

/// <summary>A draft to preview: its text (default: the saved one), data (default: its sample) and mode (electronic or overprint).</summary>
public sealed record TemplatePreviewRequest(string? Text, JsonObject? Data, string? Mode);
