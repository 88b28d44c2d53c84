using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Workflows.Engine.State;

/// <summary>
/// The snapshot of one case (办件). Only <see cref="Events.CaseEvents.Apply"/> builds new values,
/// so the snapshot is always the fold of the event log. <see cref="FormData"/> is a JsonObject for
/// convenience: the engine never mutates it after receipt (events carry their own copies).
/// </summary>
public sealed record CaseState
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public required string ItemId { get; init; }
    public required string DefinitionVersion { get; init; }
    public required Applicant Applicant { get; init; }
    public JsonObject FormData { get; init; } = new();
    public ImmutableDictionary<string, MaterialRecord> Materials { get; init; } = ImmutableDictionary<string, MaterialRecord>.Empty;
    public CaseStatus Status { get; init; }
    public CaseDecision? Decision { get; init; }
    public Refusal? Refusal { get; init; }
    public SupplementNotice? OpenSupplement { get; init; }
    public ImmutableList<SupplementNotice> SupplementHistory { get; init; } = [];
    /// <summary>补正 notices issued after a first one: each breaks 一次性告知 (art. 32) and is shown to supervision.</summary>
    public int RepeatedSupplementNotices { get; init; }
    public Suspension? ActiveSuspension { get; init; }
    /// <summary>The excluded procedure (特别程序) whose step is running now; its pause is the open one.</summary>
    public ProcedureRun? ActiveProcedure { get; init; }
    /// <summary>Excluded procedures run and ended, for supervision (announced against actual duration).</summary>
    public ImmutableList<ProcedureRun> ProcedureHistory { get; init; } = [];
    public ImmutableList<Token> Tokens { get; init; } = [];
    /// <summary>Tokens ever created: makes token ids deterministic (k1, k2...).</summary>
    public int TokensCreated { get; init; }
    /// <summary>Steps entered, in order: return may only go back to one of them.</summary>
    public ImmutableList<string> VisitedSteps { get; init; } = [];
    public ImmutableList<CaseTask> Tasks { get; init; } = [];
    public CaseClocks Clocks { get; init; } = new();
    public ImmutableList<IssuedDocument> Documents { get; init; } = [];
    public ImmutableList<SentNotification> Notifications { get; init; } = [];
    public ImmutableList<ActivityRecord> Activities { get; init; } = [];
    public ImmutableList<UrgeRecord> Urges { get; init; } = [];
    public ImmutableList<DeadlineAlert> Alerts { get; init; } = [];
    public Evaluation? Evaluation { get; init; }
    public Rectification? Rectification { get; init; }
    public ImmutableList<Attachment> Attachments { get; init; } = [];
    public DeliveryRecord? Delivery { get; init; }
    public string? WithdrawalReason { get; init; }
    /// <summary>终止办理 (容缺 material never supplied); null unless the case was terminated.</summary>
    public Termination? Termination { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    /// <summary>The clerk who received the materials (收件人), for the notices the window issues.</summary>
    public string? ReceivedBy { get; init; }
    /// <summary>The clerk who accepted the case (受理人); null when accepted by lapse of the acceptance clock.</summary>
    public string? AcceptedBy { get; init; }
    /// <summary>容缺: whether the applicant signed the pledge for the deferred materials (null: nothing deferred). The notice prints it as it is.</summary>
    public bool? DeferralPledgeSigned { get; init; }
    /// <summary>告知承诺: the proofs replaced by the applicant's pledge and the check afterwards (null: no pledge).</summary>
    public PledgeRecord? Pledge { get; init; }
    /// <summary>撤销: the granted decision was revoked (a false pledge).</summary>
    public Revocation? Revocation { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    /// <summary>+1 per command that changed the case (the optimistic concurrency version).</summary>
    public int Version { get; init; }

    public bool IsClosed => ClosedAt is not null;

    public CaseTask? Task(string taskId) => Tasks.FirstOrDefault(t => t.Id == taskId);

    public Token? Token(string tokenId) => Tokens.FirstOrDefault(t => t.Id == tokenId);

    public IEnumerable<CaseTask> ActiveTasks => Tasks.Where(t => t.IsActive);

    public MaterialStatus MaterialStatusOf(string materialId) =>
        Materials.TryGetValue(materialId, out var record) ? record.Status : MaterialStatus.Missing;
}
