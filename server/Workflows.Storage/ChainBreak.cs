namespace Workflows.Storage;

/// <summary>One broken link in a case's event hash chain, as reported by <see cref="ICaseStore.VerifyAsync"/>.</summary>
/// <param name="CaseId">The case whose chain is broken.</param>
/// <param name="Sequence">The event where the chain breaks (for a missing event, the sequence that is missing).</param>
/// <param name="Kind">What kind of tampering the break points to.</param>
/// <param name="Detail">A sentence for the audit report.</param>
public sealed record ChainBreak(Guid CaseId, long Sequence, ChainBreakKind Kind, string Detail);

public enum ChainBreakKind
{
    /// <summary>The stored hash does not match the event's content and the previous hash: edited or moved.</summary>
    HashMismatch,

    /// <summary>A sequence number is missing: the event was deleted.</summary>
    MissingEvent,

    /// <summary>The case's version or head hash does not match its last stored event: trailing events removed or added.</summary>
    HeadMismatch,

    /// <summary>Events whose case row is gone.</summary>
    OrphanEvents,
}
