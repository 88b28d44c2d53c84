using Workflows.Engine.State;

namespace Workflows.Engine.Commands;

/// <summary>
/// 告知承诺 at intake (before 受理): the applicant's written pledge replaces the listed proofs, which
/// the item's guide offers for it. <see cref="ApplicantCredit"/> is the applicant's credit mark as the
/// server found it (null: none); a marked applicant is refused.
/// </summary>
public sealed record ChoosePledge(Actor By, IReadOnlyList<string> MaterialIds) : CaseCommand
{
    public CreditMark? ApplicantCredit { get; init; }
}

/// <summary>
/// 核查 of the pledge after the decision: true closes the check; false revokes the decision (撤销,
/// 行政许可法 art. 69) with <see cref="Findings"/> as its reasons, and the applicant gets a credit mark.
/// </summary>
public sealed record CheckPledge(Actor By, string TaskId, bool Truthful, string? Findings) : CaseCommand
{
    /// <summary>
    /// The head (负责人) of the licensing body who approved the revocation, as <c>extend</c> names its
    /// approver: required for a false pledge (撤销 is the body's decision, not the checker's).
    /// </summary>
    public string? Approver { get; init; }
}
