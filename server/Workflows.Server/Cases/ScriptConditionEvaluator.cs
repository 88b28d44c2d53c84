using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Scripting;

namespace Workflows.Server.Cases;

/// <summary>
/// The engine's condition port on the real script sandbox. The port returns a plain bool and has
/// no failure channel, and the engine does not catch: a <see cref="ScriptException"/> (a broken
/// definition, not a caller's mistake) propagates, so the command fails and nothing is stored.
/// Guessing true or false would silently route a case down the wrong branch.
/// </summary>
public sealed class ScriptConditionEvaluator(ScriptSandbox sandbox) : IConditionEvaluator
{
    public bool Evaluate(string expression, CaseState state) => sandbox.EvaluateCondition(expression, DataOf(state));

    /// <summary>The sandbox's data roots: applicant (script member names), form, materials (id → status) and case.</summary>
    public static JsonObject DataOf(CaseState state)
    {
        var applicant = new JsonObject
        {
            ["type"] = state.Applicant.Type == Workflows.Definitions.Model.ApplicantType.Organization ? "organization" : "person",
            ["name"] = state.Applicant.Name,
            ["idNumber"] = state.Applicant.IdNumber,
            ["phone"] = state.Applicant.Phone,
        };
        if (state.Applicant.Type == Workflows.Definitions.Model.ApplicantType.Organization) applicant["uscc"] = state.Applicant.IdNumber;
        var materials = new JsonObject();
        foreach (var (id, record) in state.Materials.OrderBy(m => m.Key, StringComparer.Ordinal))
            materials[id] = JsonNamingPolicy.KebabCaseLower.ConvertName(record.Status.ToString());
        return new JsonObject
        {
            ["applicant"] = applicant,
            ["form"] = state.FormData.DeepClone(),
            ["materials"] = materials,
            ["case"] = new JsonObject
            {
                ["number"] = state.Number,
                ["itemId"] = state.ItemId,
                ["status"] = state.Status.ToString(),
                ["receivedOn"] = state.Clocks.ReceivedOn.ToString("yyyy-MM-dd"),
            },
        };
    }
}
