using Workflows.Definitions.Diff;
using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Hosting;

namespace Workflows.Server.Designer;

/// <summary>
/// Changes, publishing and history. Pending changes are the work tree against HEAD (the last
/// published version), per file as the semantic diff (<c>workflows diff</c>'s library) and the raw
/// unified diff. Publishing validates the tree as it will be, commits the user's changes with the
/// user as author, moves the published checkout to the new commit and loads it as a new
/// immutable definition version (archived, so cases keep the version they started on).
/// </summary>
public static class DesignerPublishEndpoints
{
    public static void Map(RouteGroupBuilder designer)
    {
        designer.MapGet("/changes", Changes).WithSummary("待发布的修改：与最近发布版本相比的业务差异和文本差异 (pending changes)")
            .Produces<DesignerChanges>().DesignerProblems();
        designer.MapPost("/publish", Publish).WithSummary("发布：提交 git（作者为当前用户）并加载为新版本；items、files 可限定范围；发布前复核开启时 202 待复核 (publish)")
            .Accepts<PublishRequest>("application/json").Produces<Publication>(StatusCodes.Status201Created)
            .Produces<ReviewRequested>(StatusCodes.Status202Accepted).DesignerProblems()
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        designer.MapGet("/reviews", Reviews).WithSummary("待复核的修改（office.yaml designer.review-before-publish 开启时发布先待复核）及其差异 (changes waiting for review)")
            .Produces<ReviewList>().DesignerProblems();
        designer.MapPost("/reviews/{id}/approve", Approve).WithSummary("批准：另一位管理员（非作者）批准后，复核的提交原样发布 (approve: publish exactly the reviewed commit)")
            .Produces<ReviewApproval>().DesignerProblems().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        designer.MapPost("/reviews/{id}/reject", Reject).WithSummary("退回：管理员退回或作者撤回，工作区中的修改保留 (reject or withdraw)")
            .Accepts<ReviewRejectRequest>("application/json").Produces<ReviewRejection>().DesignerProblems().ProducesProblem(StatusCodes.Status404NotFound);
        designer.MapGet("/history", History).WithSummary("发布历史：全部提交 (all published versions)")
            .Produces<DesignerHistory>().DesignerProblems();
        designer.MapGet("/items/{id}/history", ItemHistory).WithSummary("事项的修改历史（git log）(an item's history)")
            .Produces<DesignerHistory>().DesignerProblems();
        designer.MapGet("/items/{id}/diff", ItemDiff).WithSummary("事项任意两个版本之间的差异；to 省略为当前工作区 (diff between versions)")
            .Produces<DesignerItemDiff>().DesignerProblems();
    }

    /// <param name="Status">added, modified or deleted.</param>
    /// <param name="Semantic">The change in the files' terms (a step added, a material's necessity changed), for definition files.</param>
    [DefinitionShaped]
    public sealed record FileDiff(string Path, [property: System.ComponentModel.DataAnnotations.AllowedValues("added", "modified", "deleted")] string Status, string? Item, string Title, IReadOnlyList<string>? Semantic, string Raw);

    /// <summary>The files under <paramref name="paths"/> that differ between <paramref name="from"/> and <paramref name="to"/> (null: the work tree).</summary>
    internal static List<FileDiff> Compare(DesignerWorkspace workspace, string from, string? to, IReadOnlyList<string> paths)
    {
        var repository = workspace.Repository;
        var changed = to is null ? repository.PendingPaths([.. paths]) : repository.ChangedPaths(from, to, [.. paths]);
        var scratch = Directory.CreateTempSubdirectory("workflows-designer-diff-").FullName;
        try
        {
            var result = new List<FileDiff>();
            foreach (var path in changed)
            {
                var before = repository.Show(from, path);
                var after = to is null ? workspace.Read(path)?.Text : repository.Show(to, path);
                if (before == after) continue;
                var status = before is null ? "added" : after is null ? "deleted" : "modified";
                var item = path.Split('/') is [CountyRepository.Definitions, "items", var id, _] ? id : null;
                IReadOnlyList<string>? semantic = null;
                var title = path;
                if (path.StartsWith(CountyRepository.Definitions + "/", StringComparison.Ordinal) && path.EndsWith(".yaml", StringComparison.Ordinal))
                {
                    var relative = path[(CountyRepository.Definitions.Length + 1)..];
                    var beforeFile = Temp(scratch, "before", relative, before);
                    var afterFile = Temp(scratch, "after", relative, after);
                    var changes = DefinitionDiff.CompareFile(relative, beforeFile, afterFile, id => DefinitionDiff.ItemName(workspace.DefinitionsRoot, id));
                    semantic = changes?.Changes ?? ["没有业务变化（仅格式）(no semantic change)"];
                    title = changes?.Title ?? title;
                }
                result.Add(new FileDiff(path, status, item, title, semantic, repository.RawDiff(from, to, path)));
            }
            return result;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string? Temp(string scratch, string side, string relative, string? text)
    {
        if (text is null) return null;
        var path = Path.Combine(scratch, side, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Whether the user may see (and, for <paramref name="publish"/>, publish) a changed path.</summary>
    private static bool Allows(CurrentUser user, DesignerWorkspace workspace, string path, bool publish)
    {
        if (user.IsAdmin) return true;
        if (path.Split('/') is not [CountyRepository.Definitions, "items", var id, var fileName]) return false;
        var file = fileName.EndsWith(".yaml", StringComparison.Ordinal) ? fileName[..^5] : fileName;
        var department = workspace.GuideOf(id)?.Department;
        return publish ? DesignerAccess.MayEdit(user, department, file) : DesignerAccess.MaySee(user, department);
    }

    private static IResult Changes(HttpContext context, string? item)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        string[] under = item is null ? [CountyRepository.Definitions, CountyRepository.Templates] : [$"{CountyRepository.Definitions}/items/{item}"];
        if (item is not null && !DesignerWorkspace.IsItemId(item)) return Problems.ItemNotFound(item);
        var files = Compare(workspace!, "HEAD", null, under).Where(f => Allows(user!, workspace!, f.Path, publish: false)).ToList();
        var head = workspace!.Repository.Log(1)[0];
        return DesignerEndpoints.Json(new DesignerChanges(
            new PublishedCommit(head.Id, head.Author, head.Date, head.Message),
            files,
            files.Where(f => Allows(user!, workspace, f.Path, publish: true)).Select(f => f.Path).ToList()));
    }

    private static async Task<IResult> Publish(HttpContext context, DefinitionCatalog catalog, DefinitionVersions versions)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var args = new JsonArgs(body!);
        var message = args.Required("message").Trim();
        var items = args.Strings("items");
        var files = args.Strings("files");
        if (!args.Ok) return args.Problem();
        if (message.Length == 0) return Problems.Invalid("发布说明 message 不能为空");
        return await workspace!.OnceAsync(context, user!.UserName, async () =>
        {
            await workspace.Gate.WaitAsync(context.RequestAborted);
            try
            {
                return await PublishLockedAsync(workspace, user, message, items, files, catalog, versions, context);
            }
            finally
            {
                workspace.Gate.Release();
            }
        });
    }

    private static async Task<IResult> PublishLockedAsync(DesignerWorkspace workspace, CurrentUser user, string message, IReadOnlyList<string> items, IReadOnlyList<string> files,
        DefinitionCatalog catalog, DefinitionVersions versions, HttpContext context)
    {
        var ct = context.RequestAborted;
        var repository = workspace.Repository;
        var pending = repository.PendingPaths();
        var chosen = pending
            // Nothing named: every pending change; else the named items' files and the named files (a calendar year).
            .Where(p => (items.Count == 0 && files.Count == 0) || files.Contains(p)
                        || items.Any(i => p.StartsWith($"{CountyRepository.Definitions}/items/{i}/", StringComparison.Ordinal)))
            .Where(p => Allows(user, workspace, p, publish: true)).ToList();
        if (chosen.Count == 0)
            return Problems.Of(409, Problems.NothingToPublish, "没有可发布的修改 (nothing to publish)",
                pending.Count == 0 ? "工作区与最近发布的版本相同" : "待发布的修改都不在您可以发布的范围内");

        // Validate the tree as it will be published: HEAD plus the chosen files (others' unpublished drafts left out).
        var scratch = Directory.CreateTempSubdirectory("workflows-publish-").FullName;
        try
        {
            repository.Export("HEAD", scratch);
            foreach (var path in chosen)
            {
                var target = Path.Combine(scratch, path);
                if (File.Exists(workspace.FullPath(path)))
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(workspace.FullPath(path), target, overwrite: true);
                }
                else if (File.Exists(target)) File.Delete(target);
            }
            var set = DefinitionPipeline.LoadAndValidate(Path.Combine(scratch, CountyRepository.Definitions), Path.Combine(scratch, CountyRepository.Templates), DefinitionPipeline.Today());
            var diagnostics = DesignerWorkspace.Relative(scratch, set.Diagnostics.Sorted());
            if (diagnostics.Any(d => d.IsError))
                return DesignerEndpoints.Invalid(diagnostics.Where(d => d.IsError).ToList(), "发布后的定义有错误，未发布 (the definitions would have errors; not published)");
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }

        // A change sent back earlier and revised now: this submission (or publish) carries its history.
        var revised = repository.ReturnedTouching(chosen);
        if (ReviewBeforePublish(catalog))
        {
            var review = repository.CommitForReview(chosen, message, user.DisplayName, AuthorEmail(user));
            repository.TakeUp(review, revised);
            await Log(context).WriteAsync(context, Security.SecurityLog.ReviewRequested, $"{message} · {chosen.Count} 个文件", review);
            return DesignerEndpoints.Json(new ReviewRequested(review, true, user.DisplayName, AuthorEmail(user), message, chosen, repository.PendingPaths()), 202);
        }
        var commit = repository.CommitPaths(chosen, message, user.DisplayName, AuthorEmail(user));
        repository.TakeUp(commit, revised);
        var version = await GoLiveAsync(workspace, catalog, versions, context, $"{message} · {chosen.Count} 个文件 · 提交 {commit}", commit);
        return DesignerEndpoints.Json(new Publication(commit, version, user.DisplayName, AuthorEmail(user), message, chosen, repository.PendingPaths()), 201);
    }

    /// <summary>office.yaml's <c>designer.review-before-publish</c> as published now (default off).</summary>
    internal static bool ReviewBeforePublish(DefinitionCatalog catalog) => catalog.Current?.Set.Office?.Designer?.ReviewBeforePublish == true;

    private static Security.SecurityLog Log(HttpContext context) => context.RequestServices.GetRequiredService<Security.SecurityLog>();

    /// <summary>Moves the published checkout to HEAD, loads it and archives it as a version at once (so every case started on it can be replayed).</summary>
    private static async Task<string?> GoLiveAsync(DesignerWorkspace workspace, DefinitionCatalog catalog, DefinitionVersions versions, HttpContext context, string detail, string commit)
    {
        workspace.Repository.SyncPublished();
        catalog.Reload();
        var pinned = await versions.CurrentAsync(context.RequestAborted);
        await Log(context).WriteAsync(context, Security.SecurityLog.DefinitionsPublished, detail, pinned?.Snapshot.Version ?? commit);
        return pinned?.Snapshot.Version;
    }

    /// <summary>The user name a commit's author e-mail stands for (<c>user@workflows.local</c>).</summary>
    private static string AuthorOf(CountyRepository.Commit commit) => CountyRepository.AuthorUser(commit);

    private static PendingReview ReviewView(DesignerWorkspace workspace, CountyRepository.Review review, CurrentUser user) => new(
        review.Commit.Id, review.Commit.ShortId, review.Commit.Author, AuthorOf(review.Commit), review.Commit.Date, review.Commit.Message, review.Parent,
        // A review asked for on an older version cannot go live as it is: its author asks again.
        Stale: review.Parent != workspace.Repository.Head(),
        MayDecide: user.IsAdmin && AuthorOf(review.Commit) != user.UserName,
        Files: Compare(workspace, review.Parent, review.Commit.Id, [CountyRepository.Definitions, CountyRepository.Templates]),
        History: workspace.Repository.EarlierRounds(review.Commit.Id));

    private static ReturnedReview ReturnedView(CountyRepository.ReturnedChange returned) => new(
        returned.Commit.Id, returned.Commit.ShortId, returned.Commit.Author, AuthorOf(returned.Commit), returned.Commit.Date, returned.Commit.Message,
        returned.Paths, returned.Decision, returned.Earlier);

    // The review answers are camelCase (the API's own convention), not the definitions' kebab-case.
    private static IResult Reviews(HttpContext context, DefinitionCatalog catalog)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        // Admins review everything; an editor sees the changes they asked to publish.
        bool Visible(CountyRepository.Commit commit) => user!.IsAdmin || AuthorOf(commit) == user.UserName;
        var repository = workspace!.Repository;
        var reviews = repository.Reviews().Where(r => Visible(r.Commit));
        // Sent back and not taken up again, while its edits are still in the work tree (reverted edits leave nothing to revise).
        var pending = repository.PendingPaths().ToHashSet(StringComparer.Ordinal);
        var returned = repository.Returned().Where(r => Visible(r.Commit) && r.Paths.Any(pending.Contains));
        return Results.Json(new ReviewList(ReviewBeforePublish(catalog), reviews.Select(r => ReviewView(workspace, r, user!)).ToList(),
            returned.Select(ReturnedView).ToList()));
    }

    /// <summary>The review, if the user may decide it: admins only, never the author (rejecting: the author may withdraw their own).</summary>
    private static (CountyRepository.Review? Review, IResult? Problem) Decidable(CurrentUser user, DesignerWorkspace workspace, string id, bool approving)
    {
        if (workspace.Repository.ReviewOf(id) is not { } review)
            return (null, Problems.Of(404, Problems.NotFound, "待复核的修改不存在 (no such pending change)", $"没有待复核的修改 '{id}'（可能已被批准或退回）"));
        var own = AuthorOf(review.Commit) == user.UserName;
        if (approving && own)
            return (null, Problems.Of(403, Problems.OwnChange, "不能批准自己提交的修改 (you cannot approve your own change)", "须由另一位管理员复核批准"));
        if (!user.IsAdmin && !(own && !approving))
            return (null, Problems.Denied("只有管理员可以复核修改 (only admins review changes)"));
        return (review, null);
    }

    private static async Task<IResult> Approve(HttpContext context, string id, DefinitionCatalog catalog, DefinitionVersions versions)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        await workspace!.Gate.WaitAsync(context.RequestAborted);
        try
        {
            var (review, refused) = Decidable(user!, workspace, id, approving: true);
            if (refused is not null) return refused;
            var repository = workspace.Repository;
            if (review!.Parent != repository.Head())
                return Problems.Of(409, Problems.ReviewStale, "修改提交复核后已有新的发布，不能按原样生效 (published over since; ask again)",
                    "请退回，由作者在最新版本上重新提交发布");
            // Validate exactly the reviewed tree once more: the validator may be newer than the request.
            var scratch = Directory.CreateTempSubdirectory("workflows-review-").FullName;
            try
            {
                repository.Export(review.Commit.Id, scratch);
                var set = DefinitionPipeline.LoadAndValidate(Path.Combine(scratch, CountyRepository.Definitions), Path.Combine(scratch, CountyRepository.Templates), DefinitionPipeline.Today());
                var errors = DesignerWorkspace.Relative(scratch, set.Diagnostics.Sorted()).Where(d => d.IsError).ToList();
                if (errors.Count > 0) return DesignerEndpoints.Invalid(errors, "复核的修改有错误，未发布 (the reviewed change has errors; not published)");
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
            repository.AdvanceTo(review.Commit.Id);
            repository.DropReview(review.Commit.Id);
            await Log(context).WriteAsync(context, Security.SecurityLog.ReviewApproved, $"{review.Commit.Message} · 作者 {AuthorOf(review.Commit)}", review.Commit.Id);
            var version = await GoLiveAsync(workspace, catalog, versions, context,
                $"{review.Commit.Message} · 提交 {review.Commit.Id} · 作者 {AuthorOf(review.Commit)} · 批准 {user!.UserName}", review.Commit.Id);
            return Results.Json(new ReviewApproval(review.Commit.Id, version, review.Commit.Author, user.DisplayName, review.Commit.Message, repository.PendingPaths()));
        }
        finally
        {
            workspace.Gate.Release();
        }
    }

    private static async Task<IResult> Reject(HttpContext context, string id)
    {
        var (user, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        var (body, bad) = await RequestBody.ReadObjectAsync(context.Request);
        if (bad is not null) return bad;
        var args = new JsonArgs(body!);
        var reason = args.String("reason")?.Trim() ?? "";
        if (!args.Ok) return args.Problem();
        await workspace!.Gate.WaitAsync(context.RequestAborted);
        try
        {
            var (review, refused) = Decidable(user!, workspace, id, approving: false);
            if (refused is not null) return refused;
            var log = Log(context);
            // The author taking their own change back withdraws it; anyone else sends it back.
            var decision = new ReviewDecision(AuthorOf(review!.Commit) == user!.UserName ? "withdrawn" : "rejected", user.DisplayName, user.UserName, Workflows.Domain.ChinaTime.Of(log.Now), reason);
            // The work tree keeps the edits: the author sees why, changes them and asks again.
            workspace.Repository.Return(review.Commit.Id, decision);
            await log.WriteAsync(context, Security.SecurityLog.ReviewRejected,
                $"{review.Commit.Message} · 作者 {AuthorOf(review.Commit)}{(reason.Length > 0 ? " · 理由 " + reason : "")}", review.Commit.Id);
            return Results.Json(new ReviewRejection(review.Commit.Id, user.DisplayName, reason, decision));
        }
        finally
        {
            workspace.Gate.Release();
        }
    }

    /// <summary>A stable author e-mail for commits: <c>&lt;user&gt;@workflows.local</c>.</summary>
    public static string AuthorEmail(CurrentUser user) => $"{user.UserName}@workflows.local";

    private static CommitView View(CountyRepository.Commit c) => new(c.Id, c.ShortId, c.Author, c.Email, c.Date, c.Message);

    private static IResult History(HttpContext context, int? max)
    {
        var (_, workspace, problem) = DesignerEndpoints.Begin(context);
        if (problem is not null) return problem;
        return DesignerEndpoints.Json(new DesignerHistory(null, workspace!.Repository.Log(Math.Clamp(max ?? 100, 1, 1000)).Select(View).ToList()));
    }

    private static IResult ItemHistory(HttpContext context, string id, int? max)
    {
        var (_, workspace, _, problem) = DesignerEndpoints.BeginItem(context, id);
        if (problem is not null) return problem;
        var commits = workspace!.Repository.Log(Math.Clamp(max ?? 100, 1, 1000), $"{CountyRepository.Definitions}/items/{id}");
        return DesignerEndpoints.Json(new DesignerHistory(id, commits.Select(View).ToList()));
    }

    private static IResult ItemDiff(HttpContext context, string id, string? from, string? to)
    {
        var (_, workspace, _, problem) = DesignerEndpoints.BeginItem(context, id);
        if (problem is not null) return problem;
        var repository = workspace!.Repository;
        var fromCommit = repository.Resolve(from ?? "HEAD");
        var toCommit = to is null or "" or "work-tree" ? null : repository.Resolve(to);
        if (fromCommit is null) return Problems.Invalid($"from '{from}' 不是一个版本（提交）(not a commit)");
        if (to is not (null or "" or "work-tree") && toCommit is null) return Problems.Invalid($"to '{to}' 不是一个版本（提交）(not a commit)");
        var files = Compare(workspace, fromCommit, toCommit, [$"{CountyRepository.Definitions}/items/{id}"]);
        return DesignerEndpoints.Json(new DesignerItemDiff(id, fromCommit, toCommit ?? "work-tree", files));
    }
}

// Written with DefinitionJson.Options (kebab-case keys, nulls left out).

/// <param name="Published">The last published version.</param>
/// <param name="Publishable">The changed paths the signed-in user may publish.</param>
[DefinitionShaped]
public sealed record DesignerChanges(PublishedCommit Published, IReadOnlyList<DesignerPublishEndpoints.FileDiff> Files, IReadOnlyList<string> Publishable);

[DefinitionShaped] public sealed record PublishedCommit(string Commit, string Author, DateTimeOffset Date, string Message);

/// <summary>What to publish: a message, and the items (default: every change the user may publish). Read by hand.</summary>
public sealed record PublishRequest(string Message, IReadOnlyList<string>? Items = null, IReadOnlyList<string>? Files = null);

/// <param name="Files">The paths published.</param>
/// <param name="Remaining">The changes left in the work tree (others' drafts).</param>
[DefinitionShaped]
public sealed record Publication(string Commit, string? Version, string Author, string Email, string Message, IReadOnlyList<string> Files, IReadOnlyList<string> Remaining);

[DefinitionShaped] public sealed record CommitView(string Commit, string ShortCommit, string Author, string Email, DateTimeOffset Date, string Message);

/// <param name="Item">The item whose history this is; absent for all publications.</param>
[DefinitionShaped]
public sealed record DesignerHistory(string? Item, IReadOnlyList<CommitView> Commits);

/// <param name="To">A commit, or work-tree.</param>
[DefinitionShaped]
public sealed record DesignerItemDiff(string Item, string From, string To, IReadOnlyList<DesignerPublishEndpoints.FileDiff> Files);

/// <summary>A publish held for review (office.yaml designer.review-before-publish): the pending commit, not live yet.</summary>
public sealed record ReviewRequested(string Review, bool Pending, string Author, string Email, string Message, IReadOnlyList<string> Files, IReadOnlyList<string> Remaining);

/// <param name="Enabled">Whether office.yaml asks for review before publish now.</param>
/// <param name="Returned">Changes sent back or withdrawn, waiting for their author to revise and submit them again.</param>
public sealed record ReviewList(bool Enabled, IReadOnlyList<PendingReview> Reviews, IReadOnlyList<ReturnedReview> Returned);

/// <param name="Base">The published commit the change was asked on.</param>
/// <param name="Stale">Another publish went live since: it cannot go live as reviewed.</param>
/// <param name="MayDecide">The caller is an admin and not the author.</param>
/// <param name="History">The earlier submissions of this change that were sent back or withdrawn, oldest first.</param>
public sealed record PendingReview(string Review, string ShortCommit, string Author, string AuthorUser, DateTimeOffset Date, string Message, string Base,
    bool Stale, bool MayDecide, IReadOnlyList<DesignerPublishEndpoints.FileDiff> Files, IReadOnlyList<ReviewRound> History);

/// <summary>A change sent back (退回) or withdrawn (撤回): its edits stay in the work tree for the author to revise and submit again.</summary>
/// <param name="Files">The files it touched.</param>
/// <param name="History">The submissions before this one, oldest first.</param>
public sealed record ReturnedReview(string Review, string ShortCommit, string Author, string AuthorUser, DateTimeOffset Date, string Message,
    IReadOnlyList<string> Files, ReviewDecision Decision, IReadOnlyList<ReviewRound> History);

public sealed record ReviewApproval(string Commit, string? Version, string Author, string ApprovedBy, string Message, IReadOnlyList<string> Remaining);

public sealed record ReviewRejectRequest(string? Reason);

public sealed record ReviewRejection(string Review, string RejectedBy, string Reason, ReviewDecision Decision);
