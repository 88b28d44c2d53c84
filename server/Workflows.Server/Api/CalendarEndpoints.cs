using System.Globalization;
using Workflows.Server.Hosting;

namespace Workflows.Server.Api;

/// <summary>
/// <c>GET /api/calendar/workdays</c>: the published working calendar as <c>workflows workdays</c>
/// counts it (public, like the guide: a promised date is public information), with the provisional
/// mark when a year on the way has no published schedule.
/// </summary>
public static class CalendarEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/calendar/workdays", Workdays).WithTags("定义 definitions")
            .WithSummary("按已发布的工作日历推算：from 起 days 个工作日后的日期；跨未发布年份时标为暂定 (add working days)")
            .Produces<WorkdaysAnswer>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static IResult Workdays(DefinitionCatalog catalog, string? from, int? days)
    {
        if (catalog.Current is not { } snapshot) return Problems.NoDefinitions();
        var start = DefinitionPipeline.Today();
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
            return Problems.Invalid($"from '{from}' 不是日期，格式为 2026-02-13 (expected yyyy-MM-dd)");
        var n = days ?? 1;
        if (n is < -3650 or > 3650) return Problems.Invalid("days 应在 -3650 至 3650 之间 (days out of range)");
        var calendar = snapshot.Calendar;
        var due = calendar.AddWorkingDays(start, n);
        return TypedResults.Ok(new WorkdaysAnswer(start, n, due, calendar.IsProvisional(start, due), calendar.IsWorkingDay(due), calendar.Years.ToList()));
    }
}

/// <param name="Provisional">The count ran through a year without a published schedule (暂定).</param>
/// <param name="WorkingDay">Whether the answer itself is a working day.</param>
public sealed record WorkdaysAnswer(DateOnly From, int Days, DateOnly Due, bool Provisional, bool WorkingDay, IReadOnlyList<int> PublishedYears);
