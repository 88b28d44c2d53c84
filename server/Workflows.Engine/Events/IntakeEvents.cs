using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Engine.Events;

/// <summary>收件: the case exists from here on; the acceptance clock starts.</summary>
public sealed record CaseReceived(
    string CaseId,
    string Number,
    string ItemId,
    string DefinitionVersion,
    Applicant Applicant,
    JsonObject FormData,
    IReadOnlyList<MaterialRecord> Materials,
    DateOnly ReceivedOn,
    DateOnly AcceptanceDue,
    string ReceivedBy) : CaseEvent
{
    /// <summary>The acceptance due date is provisional (a year without a published schedule).</summary>
    public bool AcceptanceDueProvisional { get; init; }

    internal CaseState Create() => new()
    {
        Id = CaseId,
        Number = Number,
        ItemId = ItemId,
        DefinitionVersion = DefinitionVersion,
        Applicant = Applicant,
        // A copy: the event (part of the log) and the snapshot must never share a mutable node.
        FormData = (JsonObject)FormData.DeepClone(),
        Materials = Materials.ToImmutableDictionary(m => m.MaterialId),
        Status = CaseStatus.Received,
        ReceivedAt = At,
        ReceivedBy = ReceivedBy,
        Clocks = new CaseClocks { ReceivedOn = ReceivedOn, AcceptanceDue = AcceptanceDue, AcceptanceDueProvisional = AcceptanceDueProvisional },
    };

    internal override CaseState ApplyTo(CaseState state) => Create();
}

/// <summary>受理, by a clerk or by lapse of the acceptance clock (then <see cref="AcceptedOn"/> is the receipt day).</summary>
public sealed record CaseAccepted(
    DateOnly AcceptedOn,
    Duration StatutoryLimit,
    Duration PromisedLimit,
    DateOnly StatutoryDue,
    DateOnly PromisedDue,
    string AcceptedBy,
    bool ByLapse) : CaseEvent
{
    /// <summary>The statutory and promised due dates are provisional (a year without a published schedule).</summary>
    public bool DueProvisional { get; init; }

    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Status = CaseStatus.InProgress,
        AcceptedBy = ByLapse ? null : AcceptedBy,
        Clocks = state.Clocks with
        {
            AcceptedOn = AcceptedOn,
            AcceptanceLapsed = ByLapse,
            StatutoryLimit = StatutoryLimit,
            PromisedLimit = PromisedLimit,
            StatutoryDue = StatutoryDue,
            PromisedDue = PromisedDue,
            DecisionDueProvisional = DueProvisional,
        },
    };
}

public sealed record DeferredMaterial(string MaterialId, DateOnly CatchUpDue);

/// <summary>容缺受理: these materials may follow by their catch-up dates.</summary>
public sealed record MaterialsDeferred(IReadOnlyList<DeferredMaterial> Materials, bool PledgeSigned) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        DeferralPledgeSigned = PledgeSigned,
        // The clerk's note on a material marked 容缺后补 at receipt ("体检报告下周出具") stays; otherwise the pledge is the note.
        Materials = Materials.Aggregate(state.Materials, (materials, deferred) => materials.SetItem(
            deferred.MaterialId,
            new MaterialRecord(deferred.MaterialId, MaterialStatus.Deferred,
                materials.TryGetValue(deferred.MaterialId, out var before) && !string.IsNullOrWhiteSpace(before.Note) ? before.Note
                    : PledgeSigned ? "已签署容缺承诺书" : null,
                deferred.CatchUpDue))),
    };
}

/// <summary>不予受理 at the window: the case closes.</summary>
public sealed record CaseRefused(IReadOnlyList<string> Reasons, string? CompetentBody, string RefusedBy, DateOnly RefusedOn) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Status = CaseStatus.Refused,
        Decision = CaseDecision.Refused,
        Refusal = new Refusal(Reasons, CompetentBody, RefusedBy, RefusedOn),
        Tokens = [],
        OpenSupplement = null,
        ClosedAt = At,
    };
}

/// <summary>
/// 一次性告知: every deficient material at once. Before acceptance it stops the acceptance clock;
/// after acceptance it pauses the case clock.
/// </summary>
public sealed record SupplementRequested(IReadOnlyList<MaterialDeficiency> Deficiencies, string RequestedBy, DateOnly RequestedOn, bool BeforeAcceptance) : CaseEvent
{
    /// <summary>An earlier 补正 notice was already issued: this one breaks 一次性告知 and is flagged, not refused.</summary>
    public bool RepeatsOneTimeNotice { get; init; }

    internal override CaseState ApplyTo(CaseState state) => state with
    {
        RepeatedSupplementNotices = state.RepeatedSupplementNotices + (RepeatsOneTimeNotice ? 1 : 0),
        Status = CaseStatus.Supplementing,
        OpenSupplement = new SupplementNotice(Deficiencies, RequestedOn, RequestedBy, BeforeAcceptance),
        Materials = Deficiencies.Aggregate(state.Materials, (materials, d) => materials.SetItem(
            d.MaterialId,
            new MaterialRecord(d.MaterialId, d.Kind == DeficiencyKind.Missing ? MaterialStatus.Missing : MaterialStatus.Defective, d.Note))),
        Clocks = state.Clocks with
        {
            Pauses = [.. state.Clocks.Pauses, new ClockPause(PauseReason.Supplement, RequestedOn, Note: "补正")],
        },
    };
}

/// <summary>Materials brought in (补正 or deferred catch-up). The clock resumes in a separate <see cref="ClockResumed"/>.</summary>
public sealed record MaterialsSupplemented(IReadOnlyList<string> MaterialIds, string By, DateOnly On) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Materials = MaterialIds.Aggregate(state.Materials, (materials, id) =>
            materials.SetItem(id, new MaterialRecord(id, MaterialStatus.Received, $"{On:yyyy-MM-dd} 补交"))),
    };
}

/// <summary>A file kept with the case (a scan of a material, a photo); the bytes are in the content store.</summary>
public sealed record FileAttached(string? MaterialId, string FileName, string ContentType, long Size, string Sha256, string By) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Attachments = state.Attachments.Add(new Attachment(MaterialId, FileName, ContentType, Size, Sha256, By, At)),
    };
}
