using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.State;
using Workflows.Scripting;
using Workflows.Scripting.Forms;
using Workflows.Server.Hosting;

namespace Workflows.Server.Api;

/// <summary>
/// The 申请表 check of intake and 补正: the values to store, or the answer to give (400 with every
/// field's problem; 422 naming the definition when one of its conditions fails to run, never a 500).
/// </summary>
public static class FormChecks
{
    public static (JsonObject? Values, IResult? Problem) Check(Form form, JsonObject values, Applicant applicant, DefinitionSnapshot snapshot,
        ItemDefinition item, HttpContext context)
    {
        var checker = new FormChecker(new ScriptSandbox(snapshot.Calendar, DefinitionPipeline.Today));
        try
        {
            var result = checker.Check(form, values, ScriptApplicant(applicant));
            return result.Ok ? (result.Values, null) : (null, Problems.FormInvalid(result.Problems));
        }
        catch (FormScriptException e)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Workflows.Forms")
                .LogError(e, "事项 {Item}（版本 {Version}）的申请表条件无法执行 (a form condition failed): {Where} {Expression}", item.Id, snapshot.Version, e.Where, e.Expression);
            return (null, Problems.DefinitionScriptFailed(item.Id, snapshot.Version, e));
        }
    }

    /// <summary>The applicant as scripts see it (the same members as the engine's conditions).</summary>
    public static JsonObject ScriptApplicant(Applicant applicant)
    {
        var json = new JsonObject
        {
            ["type"] = applicant.Type == ApplicantType.Organization ? "organization" : "person",
            ["name"] = applicant.Name,
            ["idNumber"] = applicant.IdNumber,
            ["phone"] = applicant.Phone,
        };
        if (applicant.Address is { } address) json["address"] = address;
        if (applicant.Type == ApplicantType.Organization) json["uscc"] = applicant.IdNumber;
        return json;
    }
}
