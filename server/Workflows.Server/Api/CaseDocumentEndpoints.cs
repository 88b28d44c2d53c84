using Workflows.Definitions.Json;
using Workflows.Definitions.Model;
using Workflows.Server.Auth;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;

namespace Workflows.Server.Api;

/// <summary>
/// What a case screen needs beside the case itself: the notices and certificates the case produced
/// (PDF, for printing at the window) and the item as the case runs it (its pinned definition
/// version: guide, materials, form and the workflow's steps with their outcomes). Parties only.
/// </summary>
public static class CaseDocumentEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/cases").WithTags("办件 cases").RequireAuthorization();
        cases.MapGet("/{id:guid}/documents/{documentId}", Document).WithSummary("办件的通知书或证照 PDF，供打印 (a notice or certificate of the case)");
        cases.MapGet("/{id:guid}/definition", Definition).WithSummary("办件所用版本的事项定义：指南、材料、申请表、流程步骤 (the item as this case runs it)");
    }

    private static async Task<IResult> Document(Guid id, string documentId, HttpContext context, CaseService service)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var loaded = await service.LoadAsync(id, context.RequestAborted);
        if (loaded is null || !CaseAccess.MaySee(user, loaded.Value.Stored.Snapshot.Index.Parties)) return CaseEndpoints.CaseNotFound(id);
        // Only a document of this case: an id alone must not open another case's notice.
        var document = loaded.Value.State.Documents.LastOrDefault(d => d.DocumentId == documentId.ToLowerInvariant());
        var pdf = document is null ? null : await Effects.DocumentReader.ReadAsync(service.Documents, document.DocumentId, context.RequestServices, context.RequestAborted);
        if (document is null)
            return Problems.Of(404, Problems.NotFound, "文书不存在 (document not found)", $"办件中没有标识为 {documentId} 的文书");
        if (pdf is null)
        {
            // Recorded but not rendered yet: its render is held elsewhere (a node that died holds it until its
            // lease ends) or failed and waits for a retry. Not "no such document": try again shortly.
            context.Response.Headers.RetryAfter = "10";
            return Problems.Of(503, Problems.DocumentPending, "文书正在生成，请稍后再试 (the document is being rendered)",
                $"文书 {document.DocumentId} 尚未生成完成；稍后重试，或在办件时间线查看生成情况");
        }
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        // Inline, so the browser opens it ready to print; the name says which notice of which case.
        var name = $"{loaded.Value.Stored.Number.Text}-{document!.TemplateId.Replace('/', '-')}.pdf";
        await Security.PersonalDownloads.LogAsync(context, loaded.Value.Stored, $"文书 {document.TemplateId} ({document.DocumentId})");
        context.Response.Headers.ContentDisposition = $"inline; filename*=UTF-8''{Uri.EscapeDataString(name)}";
        return Results.File(pdf, "application/pdf");
    }

    private static async Task<IResult> Definition(Guid id, HttpContext context, CaseService service, DefinitionCatalog catalog)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var loaded = await service.LoadAsync(id, context.RequestAborted);
        if (loaded is null || !CaseAccess.MaySee(user, loaded.Value.Stored.Snapshot.Index.Parties)) return CaseEndpoints.CaseNotFound(id);
        var state = loaded.Value.State;
        var snapshot = (await service.DefinitionsOfAsync(state, context.RequestAborted))?.Snapshot ?? catalog.Current;
        if (snapshot is null) return Problems.NoDefinitions();
        if (snapshot.Set.Item(state.ItemId) is not { } item) return Problems.ItemNotFound(state.ItemId);
        var set = snapshot.Set;
        string? DepartmentName(string? d) => d is null ? null : set.Department(d)?.ShortName ?? set.Department(d)?.Name ?? d;
        string? WindowName(string? w) => w is null ? null : set.Windows.FirstOrDefault(x => x.Id == w)?.Name ?? w;
        object? Who(Assignee? a) => a is null ? null : new
        {
            department = a.Department, departmentName = DepartmentName(a.Department), role = a.Role,
            roleName = a.Role is null ? null : set.Roles.FirstOrDefault(r => r.Id == a.Role)?.Name ?? a.Role,
            window = a.Window, windowName = WindowName(a.Window),
        };
        var steps = (item.Workflow?.Steps ?? []).Select(s => new
        {
            id = s.Id,
            kind = Definitions.Mapping.ScalarCodec.Write(s.Kind),
            name = s.Name ?? s.Id,
            by = Who(s.By),
            signers = s.Signers.Select(Who).ToList(),
            mode = s.Mode is { } m ? Definitions.Mapping.ScalarCodec.Write(m) : null,
            limit = s.Limit?.ToYaml(),
            template = s.Template,
            next = s.Next,
            branches = s.Branches,
            outcomes = s.Outcomes.Select(o => new { outcome = o.Key, label = Outcomes.Label(o.Key), next = o.Value }).ToList(),
        }).ToList();
        return Results.Json(new
        {
            id = item.Id,
            version = snapshot.Version,
            guide = item.Guide,
            materials = item.Materials,
            form = item.Form,
            steps,
        }, DefinitionJson.Options);
    }
}
