using Workflows.Server.Api;
using Workflows.Server.Auth;
using Workflows.Server.Documents;
using Workflows.Storage;

namespace Workflows.Server.Effects;

/// <summary>
/// A case's effects that are not done (<c>effects</c> of the timeline), and an admin's run of one
/// again: <c>POST /api/cases/{id}/effects/{intentId}/run</c>. A failed effect waits for this (or the
/// dashboard's requeue) after its last retry; the run is the same idempotent runner a job uses, so a
/// document already stored or a notice already delivered is not done twice.
/// </summary>
public static class CaseEffectEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/cases/{id:guid}/effects/{intentId}/run", RunAsync)
            .WithTags("cases").WithSummary("管理员重新执行失败的效果 (run a failed effect again)")
            .Produces<CaseEffectView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

    /// <summary>What the timeline shows of the case's effects: those pending or failed, oldest first. The reason only to admins and supervisors.</summary>
    public static async Task<List<CaseEffectView>> OpenEffectsAsync(IOutbox outbox, Guid caseId, CurrentUser user, CancellationToken ct) =>
        (await outbox.IntentsOfCaseAsync(caseId, ct)).Where(i => i.DoneAt is null).Select(i => View(i, user)).ToList();

    private static CaseEffectView View(StoredIntent intent, CurrentUser user) =>
        new(intent.Id, intent.Kind, Label(intent.Kind), intent.Version, intent.Failed ? EffectState.Failed : EffectState.Pending, intent.Attempts,
            HangfireDashboardAccess.MaySee(user) ? intent.LastError : null, intent.CreatedAt);

    private static string Label(string kind) => kind switch
    {
        CaseDocuments.RenderKind => "生成文书",
        CaseNotifications.Kind => "发送通知",
        _ => kind,
    };

    private static async Task<IResult> RunAsync(Guid id, string intentId, HttpContext context, IOutbox outbox, EffectRunner runner)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.IsAdmin) return Problems.Denied("只有管理员可以重新执行效果 (administrators only)");
        if (await outbox.FindIntentAsync(intentId, context.RequestAborted) is not { } intent || intent.CaseId != id)
            return Problems.Of(404, Problems.NotFound, "效果不存在 (no such effect)", $"办件 {id} 没有效果 '{intentId}'");
        if (intent.DoneAt is not null)
            return Problems.Of(409, Problems.EffectDone, "效果已完成，无需重新执行 (the effect is done)", intentId);
        try
        {
            // An operator's run is a last attempt: if it fails, the effect stays failed with the new reason.
            var outcome = await runner.RunAsync(intentId, lastAttempt: true, context.RequestAborted);
            if (outcome == EffectRunner.Outcome.Busy)
                return Problems.Of(409, Problems.EffectBusy, "效果正在执行中，请稍后查看 (the effect is running)", intentId);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Recorded on the intent by the runner; the answer shows it as the timeline will.
        }
        var now = (await outbox.FindIntentAsync(intentId, context.RequestAborted))!;
        return TypedResults.Json(now.DoneAt is not null
            ? new CaseEffectView(now.Id, now.Kind, Label(now.Kind), now.Version, EffectState.Done, now.Attempts, null, now.CreatedAt)
            : View(now, user), CaseViews.Json);
    }
}
