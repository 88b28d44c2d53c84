using System.Text.Json.Nodes;
using Workflows.Engine.State;

namespace Workflows.Engine.Commands;

/// <summary>收件: creates the case and starts the acceptance clock. The caller assigns id and number.</summary>
public sealed record ReceiveMaterials(
    string CaseId,
    string Number,
    Applicant Applicant,
    JsonObject FormData,
    IReadOnlyList<MaterialRecord> Materials,
    Actor By) : CaseCommand;

/// <summary>受理. Missing deferrable materials are deferred (容缺) with their default catch-up deadline.</summary>
public sealed record Accept(Actor By) : CaseCommand;

/// <summary>容缺受理 with an explicit catch-up deadline (not later than the promised due date).
/// <see cref="ApplicantCredit"/>: the applicant's credit mark as the server found it; a marked applicant is refused 容缺.</summary>
public sealed record AcceptWithDeferral(Actor By, IReadOnlyList<string> DeferredMaterialIds, DateOnly? CatchUpBy, bool PledgeSigned) : CaseCommand
{
    public CreditMark? ApplicantCredit { get; init; }
}

/// <summary>不予受理 (art. 32): reasons, and the competent body when outside this body's remit.</summary>
public sealed record Refuse(Actor By, IReadOnlyList<string> Reasons, string? CompetentBody = null) : CaseCommand;

/// <summary>一次性告知: every missing or defective material in one notice.</summary>
public sealed record RequestSupplement(Actor By, IReadOnlyList<MaterialDeficiency> Deficiencies) : CaseCommand;

/// <summary>补正 / 容缺补交: the listed materials are now received.</summary>
/// <summary>
/// A file (scan, photo, PDF) kept with the case, stored content-addressed by the server before the
/// command runs; <see cref="MaterialId"/> ties it to a checklist material, null for other papers.
/// </summary>
public sealed record AttachFile(Actor By, string? MaterialId, string FileName, string ContentType, long Size, string Sha256) : CaseCommand;

public sealed record Supplement(Actor By, IReadOnlyList<string> MaterialIds) : CaseCommand;
