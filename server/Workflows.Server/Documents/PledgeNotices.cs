using System.Text.Json.Nodes;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Server.Documents;

/// <summary>
/// The data of the 告知承诺书 (what the pledge covers, how and within what period it is checked, the
/// liability for a false pledge, 国办发〔2020〕42号) and of the 撤销决定书 (the decision revoked, the
/// findings as reasons, 行政许可法 art. 69, remedies). Both speak in the department's name like the
/// acceptance notices (<see cref="AcceptanceNotices"/>).
/// </summary>
public static class PledgeNotices
{
    public static JsonObject? Pledge(CaseState state, Guide? guide, DefinitionSet definitions)
    {
        if (state.Pledge is not { } pledge) return null;
        var period = definitions.Office?.Clock?.PledgeCheckPeriod ?? Duration.WorkingDays(20);
        return new JsonObject
        {
            ["chosenAt"] = pledge.ChosenOn.ToString("yyyy-MM-dd"),
            ["check"] = guide?.Pledge is { } scheme ? ScalarCodec.Describe(scheme.Check) : null,
            ["basis"] = guide?.Pledge?.Basis,
            ["checkPeriod"] = period.Unit == DurationUnit.WorkingDays ? $"{period.Value}个工作日" : $"{period.Value}日",
            ["checkDueAt"] = pledge.CheckDue?.ToString("yyyy-MM-dd"),
            ["truthful"] = pledge.Truthful,
            ["findings"] = pledge.Findings,
        };
    }

    public static JsonObject? Revocation(CaseState state, Guide? guide)
    {
        if (state.Revocation is not { } revocation) return null;
        var grant = state.Tasks.Where(t => t.Outcome == "grant").OrderBy(t => t.ClosedAt).LastOrDefault();
        return new JsonObject
        {
            ["revokedAt"] = revocation.On.ToString("yyyy-MM-dd"),
            ["basis"] = revocation.Basis,
            ["approver"] = revocation.Approver,
            ["grantedAt"] = grant?.ClosedAt is { } at ? Workflows.Domain.ChinaTime.DateOf(at).ToString("yyyy-MM-dd") : null,
            ["resultName"] = guide?.Result.Name,
        };
    }
}
