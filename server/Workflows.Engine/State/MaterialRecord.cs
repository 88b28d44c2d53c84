namespace Workflows.Engine.State;

public enum MaterialStatus
{
    Received,
    /// <summary>容缺: accepted without it; due by <see cref="MaterialRecord.CatchUpDue"/>.</summary>
    Deferred,
    Missing,
    Defective,
    /// <summary>告知承诺: the applicant's written pledge replaces the proof; the office checks it after the decision.</summary>
    Pledged,
}

/// <summary>What the window recorded about one checklist material.</summary>
public sealed record MaterialRecord(string MaterialId, MaterialStatus Status, string? Note = null, DateOnly? CatchUpDue = null)
{
    /// <summary>容缺 催补: the day the applicant was reminded that the catch-up date had passed (null: not yet).</summary>
    public DateOnly? RemindedOn { get; init; }

    /// <summary>容缺 催补: the last day of the grace period; the case is terminated after it (null: the office only reminds).</summary>
    public DateOnly? TerminatesAfter { get; init; }
}

public enum DeficiencyKind
{
    Missing,
    Defective,
}

/// <summary>One line of a one-time notice (一次性告知): what to add or fix.</summary>
public sealed record MaterialDeficiency(string MaterialId, DeficiencyKind Kind, string? Note = null);

/// <summary>A supplement notice as issued; <see cref="SupplementedOn"/> is set once the applicant brought everything.</summary>
public sealed record SupplementNotice(
    IReadOnlyList<MaterialDeficiency> Deficiencies,
    DateOnly RequestedOn,
    string RequestedBy,
    bool BeforeAcceptance,
    DateOnly? SupplementedOn = null);
