using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Scripting.Definitions;

/// <summary>One made-up application an item's scripts are tried on before it can publish.</summary>
public sealed record SampleApplication(string Label, JsonObject Data);

/// <summary>
/// Made-up applications for an item, so validation can run every condition and rule once before
/// it publishes: a condition that passes the static check can still fail on real data (reading a
/// property of an optional field left empty, of a material that does not apply), and then every
/// intake of that item would fail. For each applicant type the form allows: every field filled, and
/// only the required ones (booleans false, the last option chosen). The materials are those that
/// apply to that application, received, as the engine records them at intake.
/// </summary>
public static class SampleApplications
{
    private static readonly JsonObject Case = new()
    {
        ["number"] = "示例-2026-000001", ["itemId"] = "sample", ["status"] = "InProgress", ["receivedOn"] = "2026-03-02",
    };

    public static IReadOnlyList<SampleApplication> For(ItemDefinition item, ScriptSandbox sandbox)
    {
        var types = item.Form?.ApplicantTypes is { Count: > 0 } allowed ? allowed : [ApplicantType.Person];
        var samples = new List<SampleApplication>();
        foreach (var type in types.Distinct())
        {
            var who = type == ApplicantType.Organization ? "法人" : "自然人";
            samples.Add(Make($"{who}、各字段均填写", type, Form(item, full: true, sandbox), item, sandbox));
            samples.Add(Make($"{who}、只填必填字段", type, Form(item, full: false, sandbox), item, sandbox));
        }
        return samples;
    }

    private static SampleApplication Make(string label, ApplicantType type, JsonObject form, ItemDefinition item, ScriptSandbox sandbox)
    {
        var applicant = type == ApplicantType.Organization
            ? new JsonObject { ["type"] = "organization", ["name"] = "七台河市桃山区阳光教育咨询有限公司", ["idNumber"] = "91350100M000100Y43", ["uscc"] = "91350100M000100Y43", ["phone"] = "13945671234" }
            : new JsonObject { ["type"] = "person", ["name"] = "李秀兰", ["idNumber"] = "11010519491231002X", ["phone"] = "13945671234" };
        // Which materials apply is itself decided by conditions on this application; one that fails
        // here is reported on its own, so it counts as applying (as the checklist does).
        var probe = ScriptInputs.Build(applicant, form, new JsonObject());
        var applying = item.Materials.Where(m => m.When is null || AppliesOrFails(sandbox, m.When, probe));
        var materials = ScriptInputs.Materials(applying.Select(m => new MaterialInput(m.Id, "received")));
        return new SampleApplication(label, ScriptInputs.Build(applicant, form, materials, Case));
    }

    private static bool AppliesOrFails(ScriptSandbox sandbox, string condition, JsonObject data)
    {
        try { return sandbox.EvaluateCondition(condition, data); }
        catch (ScriptException) { return true; }
    }

    /// <summary>
    /// Every field, or only the required ones; in the second, a field whose <c>when</c> does not hold
    /// on what is filled so far is left out, as the form hides it (a field that depends on a later
    /// one, or whose condition fails, stays in: that condition is reported on its own).
    /// </summary>
    private static JsonObject Form(ItemDefinition item, bool full, ScriptSandbox sandbox)
    {
        var form = new JsonObject();
        foreach (var field in item.Form?.Fields ?? [])
        {
            if (!full && field.Required != true) continue;
            if (!full && field.When is { } when && !AppliesOrFails(sandbox, when, ScriptInputs.Build(null, form, null))) continue;
            form[field.Id] = Value(field, full);
        }
        return form;
    }

    private static JsonNode? Value(Field field, bool full) => field.Type switch
    {
        FieldType.Number => JsonValue.Create(full ? field.Max ?? field.Min ?? 1 : field.Min ?? 0),
        FieldType.Date => "2026-03-02",
        FieldType.Select => field.Options.Count == 0 ? "" : (full ? field.Options[0] : field.Options[^1]).Value,
        FieldType.MultiSelect => new JsonArray(field.Options.Take(full ? field.Options.Count : 1).Select(o => (JsonNode?)o.Value).ToArray()),
        FieldType.Boolean => full,
        FieldType.Idcard => "11010519491231002X",
        FieldType.Uscc => "91350100M000100Y43",
        FieldType.Phone => "13945671234",
        FieldType.Address => "黑龙江省七台河市桃山区桃北街18号",
        FieldType.Table => Rows(field, full),
        _ => full ? "示例" + field.Label : "示",
    };

    private static JsonArray Rows(Field table, bool full)
    {
        var count = full ? Math.Max(1, Math.Min(table.MaxRows ?? 2, 2)) : table.MinRows ?? 0;
        var rows = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var row = new JsonObject();
            foreach (var column in table.Columns.Where(c => full || c.Required == true))
                row[column.Id] = Value(column, full);
            rows.Add(row);
        }
        return rows;
    }
}
