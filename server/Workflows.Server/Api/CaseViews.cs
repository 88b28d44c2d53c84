using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;
using Workflows.Domain;

namespace Workflows.Server.Api;

/// <summary>How cases, tasks and events look over HTTP: the engine's state as stored, plus what a screen needs computed.</summary>
public static class CaseViews
{
    /// <summary>The API's JSON: camelCase, enums as kebab-case text (the store keeps the engine's own contract).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>The level's fields every list row carries: <c>level</c> (the key) and <c>levelLabel</c> (正常/预警/超期/已暂停).</summary>
    public static void SetLevel(JsonObject row, DeadlineLevel level)
    {
        row["level"] = level.Key();
        row["levelLabel"] = level.Label();
    }

    public static DateOnly Today(Engine.Ports.IClock clock) => ChinaTime.DateOf(clock.Now);

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
            SetLevel(view, DeadlineLevels.OfCase(state, definitions.Calendar, DeadlineLevels.WarningAt(definitions.Set.Office?.Clock), today));
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
