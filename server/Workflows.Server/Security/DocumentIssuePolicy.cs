using Workflows.Definitions.Model;
using Workflows.Engine.State;
using Workflows.Server.Api;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;

namespace Workflows.Server.Security;

/// <summary>
/// Which documents a window may issue on demand (<c>issue-document</c>), by the case's state: each
/// procedural notice once the act it notifies has happened, and any template the item's own
/// workflow issues once the case has reached that step; a certificate only after the decision
/// granted. Anything else (another item's certificate, a decision before the decision, an unknown
/// template) is refused with 422 WF9474, so nothing can make a certificate verify that the
/// procedure did not grant.
/// </summary>
public static class DocumentIssuePolicy
{
    /// <summary>The county's procedural notices, each with the state in which it says something true.</summary>
    private static readonly Dictionary<string, Func<CaseState, bool>> Notices = new(StringComparer.Ordinal)
    {
        ["notices/material-receipt"] = _ => true,
        ["notices/acceptance"] = s => s.AcceptedBy is not null,
        ["notices/deferral-acceptance"] = s => s.AcceptedBy is not null,
        ["notices/supplement"] = s => s.OpenSupplement is not null || s.SupplementHistory.Count > 0,
        ["notices/refusal"] = s => s.Refusal is not null || s.Status == CaseStatus.Refused,
        ["notices/special-procedure"] = s => s.ActiveProcedure is not null || s.ProcedureHistory.Count > 0
            || s.ActiveSuspension?.Procedure is not null || s.Clocks.Pauses.Any(p => p.Procedure is not null),
        ["notices/termination"] = s => s.Termination is not null,
        ["notices/extension"] = s => s.Clocks.Extensions.Count > 0,
        ["notices/approval-decision"] = s => s.Decision == CaseDecision.Granted,
        ["notices/denial-decision"] = s => s.Decision == CaseDecision.Denied,
        ["notices/completion"] = s => s.Decision is CaseDecision.Granted or CaseDecision.Denied,
        ["notices/pledge"] = s => s.Pledge is not null,
        ["notices/revocation"] = s => s.Revocation is not null,
    };

    public static async Task<IResult?> RefusalAsync(string templateId, CaseState state, CaseService service, DefinitionCatalog catalog, CancellationToken ct)
    {
        var pinned = await service.DefinitionsOfAsync(state, ct);
        var item = (pinned?.Snapshot ?? catalog.Current)?.Set.Item(state.ItemId);
        return Allowed(templateId, state, item) ? null
            : Problems.Of(422, SecurityProblems.DocumentNotIssuable, "此时不能出具该文书 (document not issuable now)",
                $"事项 {state.ItemId} 的流程在办件当前阶段（{state.Status.Label()}）不出具 {templateId}");
    }

    public static bool Allowed(string templateId, CaseState state, ItemDefinition? item)
    {
        if (Notices.TryGetValue(templateId, out var when) && when(state)) return true;
        // The item's own steps: only once the case's route has reached the step that issues it.
        var steps = item?.Workflow?.Steps.Where(s => s.Template == templateId && state.VisitedSteps.Contains(s.Id)).ToList() ?? [];
        if (steps.Count == 0) return false;
        return !templateId.StartsWith("certificates/", StringComparison.Ordinal) || state.Decision == CaseDecision.Granted;
    }
}
