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
            .WithSummary("运行状态（管理员）：次年工作日历是否已发布及告警、今日监督日报 (daily checks)")
            .Produces<OpsStatus>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> StatusAsync(HttpContext context, CalendarYearCheck calendar, DefinitionCatalog catalog, ICaseStore store)
    {
        if (CurrentUser.From(context.User) is not { } user) return Problems.SignInRequired();
        if (!user.IsAdmin) return Problems.Denied("运行状态仅限管理员 (admins only)");
        var status = calendar.Evaluate();
        var digest = await ((IOutbox)store).FindIntentAsync(SupervisionDigest.IntentId(status.Today), context.RequestAborted);
        return TypedResults.Ok(new OpsStatus(status.Today,
            new CalendarYearStatus(status.NextYear, status.Published, status.DaysLeft, status.WarningDays, status.Warning, status.Message),
            new DigestStatus(OperationsTimes.DigestAt(catalog.Current?.Set.Office).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                digest?.Id, Written: digest is not null, Delivered: digest?.DoneAt is not null, Failed: digest?.Failed ?? false, digest?.LastError)));
    }
}

public sealed record OpsStatus(DateOnly Today, CalendarYearStatus Calendar, DigestStatus Digest);

/// <param name="DaysLeft">Days to the end of this year.</param>
/// <param name="Warning">Next year's schedule is missing within office.yaml operations.calendar-warning-days of the year's end.</param>
public sealed record CalendarYearStatus(int NextYear, bool Published, int DaysLeft, int WarningDays, bool Warning, string? Message);

/// <param name="At">The digest's time of day (office.yaml operations.digest-at), China time.</param>
/// <param name="Intent">Today's digest intent in the outbox, once written.</param>
public sealed record DigestStatus(string At, string? Intent, bool Written, bool Delivered, bool Failed, string? LastError);
