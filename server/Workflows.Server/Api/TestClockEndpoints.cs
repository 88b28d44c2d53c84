using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Server.Cases;

namespace Workflows.Server.Api;

/// <summary>
/// <c>POST /api/test/clock {"now": "2026-03-20T09:00:00+08:00"}</c>: moves the server's clock, for
/// end-to-end tests only. Mapped only when the server was started with <c>--test-clock</c>;
/// otherwise the path does not exist (404). The answer comes once the timers that became due
/// have fired (on this node, or claimed by another).
/// </summary>
public static class TestClockEndpoints
{
    public static void Map(IEndpointRouteBuilder app, bool testClock)
    {
        if (!testClock) return;
        app.MapPost("/api/test/clock", Move).ExcludeFromDescription();
        app.MapGet("/api/test/clock", (ServerClock clock) => Results.Json(new { now = clock.Now.ToString("O", CultureInfo.InvariantCulture) }))
            .ExcludeFromDescription();
    }

    private static async Task<IResult> Move(HttpRequest request, ServerClock clock, IServiceProvider services)
    {
        var (body, problem) = await RequestBody.ReadObjectAsync(request);
        if (problem is not null) return problem;
        if (body!["now"] is not JsonValue value || !value.TryGetValue<string>(out var text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var now))
        {
            return Problems.Of(400, Problems.InvalidRequest, "缺少或无效的 now (now must be an ISO 8601 instant with offset)");
        }

        clock.MoveTo(now);
        if (services.GetService<Effects.TimerSweep>() is { } sweeper) await sweeper.SweepAsync(request.HttpContext.RequestAborted);
        return Results.Json(new { now = clock.Now.ToString("O", CultureInfo.InvariantCulture) });
    }
}
