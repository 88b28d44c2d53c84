using Workflows.Engine.State;

namespace Workflows.Engine.Events;

/// <summary>告知承诺 chosen at intake: the listed proofs are replaced by the applicant's written pledge.</summary>
public sealed record PledgeChosen(IReadOnlyList<string> MaterialIds, DateOnly ChosenOn, string By) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Pledge = new PledgeRecord(MaterialIds, ChosenOn, By),
        Materials = MaterialIds.Aggregate(state.Materials, (materials, id) =>
            materials.SetItem(id, new MaterialRecord(id, MaterialStatus.Pledged, "告知承诺：以书面承诺代替"))),
    };
}

/// <summary>The decision was made: the 核查 task (created with it) is due after the office's check period.</summary>
public sealed record PledgeCheckOpened(string TaskId, DateOnly Due) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Pledge = state.Pledge! with { CheckTaskId = TaskId, CheckDue = Due },
    };
}

/// <summary>核查 done: the pledge was true, or false (then <see cref="DecisionRevoked"/> follows).</summary>
public sealed record PledgeChecked(bool Truthful, string? Findings, string By, DateOnly On) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Pledge = state.Pledge! with { Truthful = Truthful, Findings = Findings, CheckedBy = By, CheckedOn = On },
    };
}

/// <summary>撤销: the granted decision is revoked; the case ends revoked (its certificate stops being valid).</summary>
public sealed record DecisionRevoked(IReadOnlyList<string> Reasons, string Basis, string By, DateOnly On) : CaseEvent
{
    /// <summary>The head (负责人) who approved the revocation (null in events recorded before it was required).</summary>
    public string? Approver { get; init; }

    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Status = CaseStatus.Revoked,
        Decision = CaseDecision.Revoked,
        Revocation = new Revocation(Reasons, Basis, By, On) { Approver = Approver },
        Tokens = [],
        OpenSupplement = null,
        ClosedAt = state.ClosedAt ?? At,
    };
}
