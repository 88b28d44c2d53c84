using Workflows.Definitions.Model;
using Workflows.Server.Auth;
using Workflows.Server.Effects;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>
/// <c>GET /api/ops/status</c> (administrators): what the daily jobs watch, computed now: whether next
/// year's working calendar is published (and the warning once the year's end is near), and today's
/// supervision digest (its time, whether it was written and delivered).
/// </summary>
public static class OpsStatusEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/ops/status", StatusAsync).WithTags("运行 operations").RequireAuthorization()
            .WithSummary("运行状态（管理员）：次年工作日历是否已发布及告警、今日监督日报 (daily checks)");

    private static async Task<IResult> StatusAsync(HttpContext context, CalendarYearCheck calendar, DefinitionCatalog catalog, ICaseStore store)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.IsAdmin) return Problems.Denied("运行状态仅限管理员 (admins only)");
        var status = calendar.Evaluate();
        var digest = await ((IOutbox)store).FindIntentAsync(SupervisionDigest.IntentId(status.Today), context.RequestAborted);
        return Results.Json(new
        {
            today = status.Today,
            calendar = new
            {
                nextYear = status.NextYear, published = status.Published, daysLeft = status.DaysLeft,
                warningDays = status.WarningDays, warning = status.Warning, message = status.Message,
            },
            digest = new
            {
                at = OperationsTimes.DigestAt(catalog.Current?.Set.Office).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                intent = digest?.Id, written = digest is not null, delivered = digest?.DoneAt is not null, failed = digest?.Failed ?? false, lastError = digest?.LastError,
            },
        });
    }
}
