namespace Workflows.Engine.State;

/// <summary>
/// 告知承诺 (国办发〔2020〕42号) on this case: the proofs the applicant's written pledge replaced, and
/// the office's check afterwards (a task for the item's department, due after the office's check period).
/// </summary>
public sealed record PledgeRecord(IReadOnlyList<string> MaterialIds, DateOnly ChosenOn, string ChosenBy)
{
    /// <summary>The 核查 task, created when the decision was made.</summary>
    public string? CheckTaskId { get; init; }
    public DateOnly? CheckDue { get; init; }
    /// <summary>Null until checked; false is a false pledge (the decision is revoked).</summary>
    public bool? Truthful { get; init; }
    public string? Findings { get; init; }
    public string? CheckedBy { get; init; }
    public DateOnly? CheckedOn { get; init; }
}

/// <summary>撤销 of a granted decision (行政许可法 art. 69: a licence obtained by deception shall be revoked).</summary>
public sealed record Revocation(IReadOnlyList<string> Reasons, string Basis, string By, DateOnly On)
{
    /// <summary>The head (负责人) of the licensing body who approved it.</summary>
    public string? Approver { get; init; }
}

/// <summary>
/// A mark in the applicant's credit record (a false pledge, or 失信 from a credit list), found by the
/// server before intake commands: such an applicant is refused 告知承诺 and 容缺 (DOMAIN §3).
/// </summary>
public sealed record CreditMark(string Kind, string Reason, DateOnly MarkedOn, string? CaseNumber = null)
{
    public const string FalsePledge = "false-pledge";
    public const string Dishonest = "dishonest";

    public string Label => Kind == FalsePledge ? "虚假承诺" : "失信";
}
