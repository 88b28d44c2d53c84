using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Domain;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Api;

/// <summary>How cases, tasks and events look over HTTP: the engine's state as stored, plus what a screen needs computed.</summary>
public static class CaseViews
{
    /// <summary>The API's JSON: camelCase, enums as kebab-case text (the store keeps the engine's own contract).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>正常 / 预警 / 超期: the colour a list shows for a due date.</summary>
    public static string Level(WorkingCalendar calendar, DateOnly today, DateOnly start, DateOnly? due, int pausedWorkingDays, double warningFraction)
    {
        if (due is not { } d) return "normal";
        if (today > d) return "overdue";
        var limit = calendar.WorkingDaysBetween(start, d) - pausedWorkingDays;
        var used = calendar.WorkingDaysBetween(start, today) - pausedWorkingDays;
        return limit > 0 && used >= warningFraction * limit ? "warning" : "normal";
    }

    public static DateOnly Today(Engine.Ports.IClock clock) => DateOnly.FromDateTime(clock.Now.ToOffset(TimeSpan.FromHours(8)).DateTime);

    public static JsonObject Case(CaseState state, StoredCase stored, DefinitionSnapshot? definitions, DateOnly today)
    {
        var item = definitions?.Set.Item(state.ItemId);
        var view = new JsonObject
        {
            ["id"] = stored.Id.ToString("D"),
            ["number"] = stored.Number.Text,
            ["version"] = stored.Version,
            ["itemId"] = state.ItemId,
            ["itemName"] = item?.Guide?.Name,
            ["status"] = JsonArgs.Kebab(state.Status.ToString()),
            ["statusLabel"] = state.Status.Label(),
            ["closed"] = state.IsClosed,
        };
        if (definitions is not null)
        {
            var remaining = RemainingWorkingDays.Of(state, definitions.Calendar, today);
            view["remaining"] = JsonSerializer.SerializeToNode(remaining, Json);
            var fraction = definitions.Set.Office?.Clock?.WarningAt is > 0 and <= 1 ? definitions.Set.Office.Clock.WarningAt.Value : 0.8;
            // A suspended case's clock stands still (its due date moves on resume), so it is neither late nor due soon.
            view["level"] = state.Clocks.AcceptedOn is { } accepted && !state.IsClosed && state.Clocks.OpenPause is null
                ? Level(definitions.Calendar, today, accepted, state.Clocks.PromisedDue, state.Clocks.PausedWorkingDays, fraction)
                : "normal";
        }
        view["case"] = JsonSerializer.SerializeToNode(state, Json);
        return view;
    }

    public static JsonObject Summary(CaseSummary summary) => new()
    {
        ["id"] = summary.Id.ToString("D"),
        ["number"] = summary.Number.Text,
        ["version"] = summary.Version,
        ["status"] = JsonArgs.Kebab(summary.Index.Status),
        ["statusLabel"] = Enum.TryParse<CaseStatus>(summary.Index.Status, out var status) ? status.Label() : summary.Index.Status,
        ["department"] = summary.Index.Department,
        ["applicantName"] = summary.Index.ApplicantName,
        ["applicantId"] = summary.Index.ApplicantId,
        ["dueDate"] = summary.Index.DueDate?.ToString("yyyy-MM-dd"),
        ["open"] = summary.Index.Open,
        ["createdAt"] = summary.CreatedAt,
    };

    public static JsonObject Event(StoredEvent stored)
    {
        JsonNode? data;
        try { data = JsonNode.Parse(stored.Payload); }
        catch (JsonException) { data = stored.Payload; }
        return new JsonObject
        {
            ["sequence"] = stored.Sequence,
            ["type"] = stored.Type,
            ["at"] = stored.RecordedAt,
            ["data"] = data,
        };
    }
}
