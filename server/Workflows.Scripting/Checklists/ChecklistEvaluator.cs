using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Scripting.Checklists;

/// <summary>One material of the checklist with whether it applies to this application.</summary>
public sealed record ChecklistEntry(Material Material, bool Applies, string? ConditionError);

/// <summary>
/// Decides which materials apply to an application by running each material's <c>when</c>
/// condition. A condition that fails at run time keeps the material on the list (asking for one
/// material too many is fixable at the window; missing one is not) and says why.
/// </summary>
public sealed class ChecklistEvaluator(ScriptSandbox sandbox)
{
    public IReadOnlyList<ChecklistEntry> Evaluate(ItemDefinition item, JsonObject application)
    {
        var data = ScriptInputs.Build(
            application["applicant"] as JsonObject,
            application["form"] as JsonObject,
            ScriptInputs.MaterialsFromRequest(application["materials"]));
        var entries = new List<ChecklistEntry>(item.Materials.Count);
        foreach (var material in item.Materials)
        {
            if (material.When is null) { entries.Add(new(material, true, null)); continue; }
            try
            {
                entries.Add(new(material, sandbox.EvaluateCondition(material.When, data), null));
            }
            catch (ScriptException e)
            {
                entries.Add(new(material, true, $"{e.Code}: {e.Message}"));
            }
        }
        return entries;
    }
}
