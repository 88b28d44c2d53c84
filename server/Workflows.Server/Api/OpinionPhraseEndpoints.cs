using Workflows.Server.Auth;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>
/// 常用意见: the signed-in reviewer's own saved opinion phrases and their department's, offered where an
/// opinion is written. Anyone who works on cases keeps their own; a department's phrases are added and
/// removed by its head (or an administrator acting for a department).
/// </summary>
public static class OpinionPhraseEndpoints
{
    /// <summary>The phrase is empty or too long (WF96xx, never renumbered).</summary>
    public const string PhraseInvalid = "WF9620";
    /// <summary>A department phrase asked for by someone without a department.</summary>
    public const string NoDepartment = "WF9621";
    public const int MaxLength = 500;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/opinion-phrases").WithTags("常用意见 opinion phrases");
        group.MapGet("", List).WithSummary("本人和本部门的常用意见 (my and my department's saved opinions)")
            .Produces<OpinionPhraseList>().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("", Add).WithSummary("新增常用意见：scope 为 user（本人）或 department（本部门，限部门负责人） (save a phrase)")
            .Accepts<AddOpinionPhraseRequest>("application/json").Produces<OpinionPhraseView>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id}", Delete).WithSummary("删除常用意见 (delete a phrase)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }


    private static OpinionPhraseView View(OpinionPhrase p) =>
        new(p.Id, p.Scope, p.Scope == OpinionPhrase.DepartmentScope ? "本部门" : "本人", p.Text);

    private static async Task<IResult> List(HttpContext context, IOpinionPhraseStore store)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var phrases = await store.ListOpinionPhrasesAsync(user.UserName, user.Department, context.RequestAborted);
        return TypedResults.Ok(new OpinionPhraseList(phrases.Select(View).ToList(), MayEditDepartment(user)));
    }

    private static bool MayEditDepartment(CurrentUser user) => user.Department is not null && (user.Is(Roles.Head) || user.IsAdmin);

    private static async Task<IResult> Add(HttpContext context, IOpinionPhraseStore store, Workflows.Engine.Ports.IClock clock)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.WorksOnCases) return Problems.Denied("只有办理办件的工作人员可以保存常用意见");
        var (body, problem) = await RequestBody.ReadObjectAsync(context.Request);
        if (problem is not null) return problem;
        var text = body!["text"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? ((string?)body["text"])!.Trim() : null;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
            return Problems.Of(400, PhraseInvalid, "常用意见无效 (invalid phrase)", $"常用意见须为 1 至 {MaxLength} 个字符的文字 (text of 1 to {MaxLength} characters)");
        var scope = body["scope"]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string?)body["scope"] : OpinionPhrase.UserScope;
        if (scope is not (OpinionPhrase.UserScope or OpinionPhrase.DepartmentScope))
            return Problems.Invalid("scope 应为 user 或 department (scope is user or department)");
        if (scope == OpinionPhrase.DepartmentScope && user.Department is null)
            return Problems.Of(400, NoDepartment, "没有所属部门 (no department)", "您的账号没有所属部门，不能保存部门常用意见");
        if (scope == OpinionPhrase.DepartmentScope && !MayEditDepartment(user))
            return Problems.Denied("只有部门负责人可以保存部门常用意见");
        var owner = scope == OpinionPhrase.DepartmentScope ? user.Department! : user.UserName;
        var saved = await store.AddOpinionPhraseAsync(
            new OpinionPhrase(Guid.NewGuid().ToString("N"), scope, owner, text, clock.Now), context.RequestAborted);
        return TypedResults.Ok(View(saved));
    }

    private static async Task<IResult> Delete(HttpContext context, IOpinionPhraseStore store, string id)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        var phrase = await store.FindOpinionPhraseAsync(id, context.RequestAborted);
        var mine = phrase is not null && (phrase.Scope == OpinionPhrase.UserScope
            ? phrase.Owner == user.UserName
            : phrase.Owner == user.Department);
        // Someone else's phrase is "not found": its existence is none of the caller's business.
        if (phrase is null || !mine) return Problems.Of(404, Problems.NotFound, "常用意见不存在 (phrase not found)");
        if (phrase.Scope == OpinionPhrase.DepartmentScope && !MayEditDepartment(user))
            return Problems.Denied("只有部门负责人可以删除部门常用意见");
        await store.DeleteOpinionPhraseAsync(id, context.RequestAborted);
        return Results.NoContent();
    }
}

/// <param name="Scope">user（本人）or department（本部门）.</param>
public sealed record OpinionPhraseView(string Id,
    [property: System.ComponentModel.DataAnnotations.AllowedValues(OpinionPhrase.UserScope, OpinionPhrase.DepartmentScope)] string Scope, string ScopeLabel, string Text);

public sealed record OpinionPhraseList(IReadOnlyList<OpinionPhraseView> Phrases, bool MayEditDepartment);

/// <summary>Read by hand; described here for the document.</summary>
/// <param name="Scope">user (default) or department.</param>
public sealed record AddOpinionPhraseRequest(string Text, string? Scope = null);
