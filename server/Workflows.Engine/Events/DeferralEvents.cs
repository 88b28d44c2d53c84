using Workflows.Engine.State;

namespace Workflows.Engine.Events;

/// <summary>
/// 催补: these deferred (容缺) materials passed their catch-up date; the applicant is reminded on
/// <paramref name="RemindedOn"/> and the case ends after <paramref name="TerminatesAfter"/> unless
/// they come (null: the office only reminds, DOMAIN §3).
/// </summary>
public sealed record CatchUpReminded(IReadOnlyList<string> MaterialIds, DateOnly RemindedOn, DateOnly? TerminatesAfter) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Materials = MaterialIds.Aggregate(state.Materials, (materials, id) =>
            materials.SetItem(id, materials[id] with { RemindedOn = RemindedOn, TerminatesAfter = TerminatesAfter })),
    };
}

/// <summary>终止办理: the case closes; open tasks were cancelled and a running procedure ended before.</summary>
public sealed record CaseTerminated(IReadOnlyList<string> Reasons, IReadOnlyList<string> MaterialIds, string By, DateOnly On) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Status = CaseStatus.Terminated,
        Termination = new Termination(Reasons, MaterialIds, By, On),
        Tokens = [],
        ClosedAt = At,
    };
}
