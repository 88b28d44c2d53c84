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
        cases.MapGet("/{id:guid}/documents/{documentId}", Document).WithSummary("办件的通知书或证照 PDF，供打印 (a notice or certificate of the case)")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        cases.MapGet("/{id:guid}/definition", Definition).WithSummary("办件所用版本的事项定义：指南、材料、申请表、流程步骤 (the item as this case runs it)")
            .Produces<CaseDefinitionView>().ProducesProblem(StatusCodes.Status404NotFound);
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
        // no-store like every API answer (SecurityHeaders): an issued notice names the applicant.
        context.Response.Headers["X-Content-Type-Options"] = "nosniff";
        // Inline, so the browser opens it ready to print; the name says which notice of which case.
        var name = $"{loaded.Value.Stored.Number.Text}-{document!.TemplateId.Replace('/', '-')}.pdf";
        await Security.PersonalDownloads.LogAsync(context, loaded.Value.Stored, $"文书 {document.TemplateId} ({document.DocumentId})", "document:" + document.DocumentId);
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
        StepAssigneeView? Who(Assignee? a) => a is null ? null : new(
            a.Department, DepartmentName(a.Department), a.Role,
            a.Role is null ? null : set.Roles.FirstOrDefault(r => r.Id == a.Role)?.Name ?? a.Role,
            a.Window, WindowName(a.Window));
        var steps = (item.Workflow?.Steps ?? []).Select(s => new CaseStepView(
            s.Id,
            s.Kind,
            s.Name ?? s.Id,
            Who(s.By),
            s.Signers.Select(Who).ToList(),
            s.Mode,
            s.Limit?.ToYaml(),
            s.Template,
            s.Next,
            s.Branches,
            s.Outcomes.Select(o => new StepOutcomeView(o.Key, Outcomes.Label(o.Key), o.Value)).ToList())).ToList();
        return TypedResults.Json(new CaseDefinitionView(item.Id, snapshot.Version,
            ItemEndpoints.Model(item.Guide), ItemEndpoints.Model(item.Materials), ItemEndpoints.Model(item.Form), steps), DefinitionJson.Options);
    }
}

// Written with DefinitionJson.Options (kebab-case keys, nulls left out, as the files).

/// <param name="Guide">办事指南 (definitions.d.ts: Guide).</param>
/// <param name="Materials">材料 (definitions.d.ts: Material[]).</param>
/// <param name="Form">申请表 (definitions.d.ts: Form), absent when the item has none.</param>
[DefinitionShaped]
public sealed record CaseDefinitionView(string Id, string Version, System.Text.Json.Nodes.JsonNode? Guide, System.Text.Json.Nodes.JsonNode? Materials,
    System.Text.Json.Nodes.JsonNode? Form, IReadOnlyList<CaseStepView> Steps);

/// <param name="Branches">A parallel step's branches (step ids).</param>
[DefinitionShaped]
public sealed record CaseStepView(string Id, Definitions.Model.StepKind Kind, string Name, StepAssigneeView? By, IReadOnlyList<StepAssigneeView?> Signers, Definitions.Model.SignMode? Mode,
    string? Limit, string? Template, string? Next, IReadOnlyList<string> Branches, IReadOnlyList<StepOutcomeView> Outcomes);

[DefinitionShaped]
public sealed record StepAssigneeView(string? Department, string? DepartmentName, string? Role, string? RoleName, string? Window, string? WindowName);

/// <param name="Next">The step an outcome leads to (absent: the workflow's default).</param>
[DefinitionShaped]
public sealed record StepOutcomeView(string Outcome, string Label, string? Next);
