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

    public static CaseView Case(CaseState state, StoredCase stored, DefinitionSnapshot? definitions, DateOnly today)
    {
        var item = definitions?.Set.Item(state.ItemId);
        RemainingDays? remaining = null;
        DeadlineLevel? level = null;
        if (definitions is not null)
        {
            remaining = RemainingWorkingDays.Of(state, definitions.Calendar, today);
            level = DeadlineLevels.OfCase(state, definitions.Calendar, DeadlineLevels.WarningAt(definitions.Set.Office?.Clock), today);
        }
        return new CaseView(stored.Id.ToString("D"), stored.Number.Text, stored.Version, state.ItemId, item?.Guide?.Name,
            JsonArgs.Kebab(state.Status.ToString()), state.Status.Label(), state.IsClosed,
            remaining, level, level?.Label(), state);
    }

    public static CaseSummaryView Summary(CaseSummary summary) => new(
        summary.Id.ToString("D"),
        summary.Number.Text,
        summary.Version,
        JsonArgs.Kebab(summary.Index.Status),
        Enum.TryParse<CaseStatus>(summary.Index.Status, out var status) ? status.Label() : summary.Index.Status,
        summary.Index.Department,
        summary.Index.ApplicantName,
        summary.Index.ApplicantId,
        summary.Index.DueDate?.ToString("yyyy-MM-dd"),
        summary.Index.Open,
        summary.CreatedAt);

    public static CaseEventView Event(StoredEvent stored)
    {
        JsonNode? data;
        try { data = JsonNode.Parse(stored.Payload); }
        catch (JsonException) { data = stored.Payload; }
        return new CaseEventView(stored.Sequence, stored.Type, stored.RecordedAt, data);
    }
}
