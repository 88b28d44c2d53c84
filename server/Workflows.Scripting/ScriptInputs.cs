using System.Globalization;
using System.Text.Json.Nodes;

namespace Workflows.Scripting;

/// <summary>One material as scripts see it: <c>materials['id'].received</c>, <c>.deferred</c>, <c>.status</c>.</summary>
/// <param name="Status">received, deferred, missing or defective (kebab-case, as the API writes it).</param>
public sealed record MaterialInput(string Id, string Status, string? Note = null, DateOnly? CatchUpDue = null);

/// <summary>
/// The one place that builds what a script reads (applicant, form, materials, case), for the
/// engine's conditions, the checklist and the designer's preview alike, so a condition means the
/// same on every path (and what the browser's <c>materials[id].received</c> expects).
/// </summary>
public static class ScriptInputs
{
    /// <summary>The statuses a material can have; <see cref="Material"/> writes a flag for each.</summary>
    public static IReadOnlyList<string> MaterialStatuses { get; } = ["received", "deferred", "missing", "defective"];

    /// <summary>
    /// <c>{ status, received, deferred, missing, defective, note?, catchUpDue? }</c>: the flags are
    /// always present, so <c>materials['x'].received == false</c> holds for a deferred material.
    /// </summary>
    public static JsonObject Material(string status, string? note = null, DateOnly? catchUpDue = null)
    {
        var material = new JsonObject { ["status"] = status };
        foreach (var known in MaterialStatuses) material[known] = known == status;
        if (note is not null) material["note"] = note;
        if (catchUpDue is { } due) material["catchUpDue"] = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return material;
    }

    public static JsonObject Materials(IEnumerable<MaterialInput> materials)
    {
        var result = new JsonObject();
        foreach (var material in materials.OrderBy(m => m.Id, StringComparer.Ordinal))
            result[material.Id] = Material(material.Status, material.Note, material.CatchUpDue);
        return result;
    }

    /// <summary>
    /// Materials as a request gives them (the workbench's <c>{ received: true }</c>, a status
    /// text, or the full object) in the one shape of <see cref="Material"/>. Anything else is
    /// left out, so the condition reads undefined as it would for an absent material.
    /// </summary>
    public static JsonObject MaterialsFromRequest(JsonNode? materials)
    {
        var result = new JsonObject();
        if (materials is not JsonObject given) return result;
        foreach (var (id, value) in given)
        {
            var status = value switch
            {
                JsonValue text when text.TryGetValue<string>(out var s) && MaterialStatuses.Contains(s) => s,
                JsonObject o when o["status"] is JsonValue v && v.TryGetValue<string>(out var s) && MaterialStatuses.Contains(s) => s,
                JsonObject o when o["received"] is JsonValue v && v.TryGetValue<bool>(out var received) =>
                    received ? "received" : o["deferred"] is JsonValue d && d.TryGetValue<bool>(out var deferred) && deferred ? "deferred" : "missing",
                _ => null,
            };
            if (status is not null) result[id] = Material(status);
        }
        return result;
    }

    /// <summary>The data of one evaluation; absent parts become empty objects in the sandbox.</summary>
    public static JsonObject Build(JsonObject? applicant, JsonObject? form, JsonObject? materials, JsonObject? @case = null)
    {
        var data = new JsonObject
        {
            ["applicant"] = applicant?.DeepClone() ?? new JsonObject(),
            ["form"] = form?.DeepClone() ?? new JsonObject(),
            ["materials"] = materials?.DeepClone() ?? new JsonObject(),
        };
        if (@case is not null) data["case"] = @case.DeepClone();
        return data;
    }
}
