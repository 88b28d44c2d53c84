using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Scripting;

namespace Workflows.Server.Cases;

/// <summary>
/// The engine's condition port on the real script sandbox. The port returns a plain bool and has
/// no failure channel, and the engine does not catch: a failing condition (a broken definition,
/// not a caller's mistake) propagates as a <see cref="ScriptConditionException"/> naming the item,
/// so the command fails, nothing is stored, and the API can answer 422 (WF4110) instead of 500.
/// Guessing true or false would silently route a case down the wrong branch.
/// </summary>
public sealed class ScriptConditionEvaluator(ScriptSandbox sandbox) : IConditionEvaluator
{
    /// <exception cref="ScriptConditionException">The condition failed in the sandbox.</exception>
    public bool Evaluate(string expression, CaseState state)
    {
        try
        {
            return sandbox.EvaluateCondition(expression, DataOf(state));
        }
        catch (ScriptException e)
        {
            throw new ScriptConditionException(state.ItemId, state.DefinitionVersion, expression, e);
        }
    }

    /// <summary>
    /// The sandbox's data roots, built by <see cref="ScriptInputs"/> like the checklist's: applicant
    /// (script member names), form, materials (id → <c>{ status, received, deferred, … }</c>) and case.
    /// </summary>
    public static JsonObject DataOf(CaseState state)
    {
        var organization = state.Applicant.Type == Workflows.Definitions.Model.ApplicantType.Organization;
        var applicant = new JsonObject
        {
            ["type"] = organization ? "organization" : "person",
            ["name"] = state.Applicant.Name,
            ["idNumber"] = state.Applicant.IdNumber,
            ["phone"] = state.Applicant.Phone,
        };
        if (state.Applicant.Address is { } address) applicant["address"] = address;
        if (organization) applicant["uscc"] = state.Applicant.IdNumber;
        var materials = ScriptInputs.Materials(state.Materials.Values.Select(record => new MaterialInput(
            record.MaterialId, JsonNamingPolicy.KebabCaseLower.ConvertName(record.Status.ToString()), record.Note, record.CatchUpDue)));
        return ScriptInputs.Build(applicant, state.FormData, materials, new JsonObject
        {
            ["number"] = state.Number,
            ["itemId"] = state.ItemId,
            ["status"] = state.Status.ToString(),
            ["receivedOn"] = state.Clocks.ReceivedOn.ToString("yyyy-MM-dd"),
        });
    }
}
