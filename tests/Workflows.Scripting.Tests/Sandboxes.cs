using System.Text.Json.Nodes;
using Workflows.Domain;

namespace Workflows.Scripting.Tests;

/// <summary>Sandboxes over the 2026 schedule of DOMAIN.md §5, with today fixed at 2026-02-13.</summary>
internal static class Sandboxes
{
    public static readonly DateOnly Today = new(2026, 2, 13);

    public static WorkingCalendar Calendar2026 { get; } = new([
        new CalendarYear(
            2026,
            Days("2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-04", "2026-04-06", "2026-05-01", "2026-05-05",
                "2026-06-19", "2026-06-21", "2026-09-25", "2026-09-27", "2026-10-01", "2026-10-07"),
            [Date("2026-01-04"), Date("2026-02-14"), Date("2026-02-28"), Date("2026-05-09"), Date("2026-09-20"), Date("2026-10-10")]),
    ]);

    /// <summary>
    /// A sandbox with the given limits, or the default limits with a long timeout: on two starved CI
    /// cores the 500 ms default could trip before the statement, recursion or memory limit a test
    /// expects, or stop an ordinary script. Tests of the timeout pass their limits explicitly.
    /// </summary>
    public static ScriptSandbox Create(ScriptLimits? limits = null) =>
        new(Calendar2026, () => Today, limits ?? new ScriptLimits { Timeout = TimeSpan.FromSeconds(10) });

    public static JsonObject Data(string json) => JsonNode.Parse(json)!.AsObject();

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd");

    /// <summary>Pairs of first and last day of each holiday period, expanded.</summary>
    private static DateOnly[] Days(params string[] ranges) =>
        ranges.Chunk(2).SelectMany(range =>
        {
            var (first, last) = (Date(range[0]), Date(range[1]));
            return Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays);
        }).ToArray();
}
