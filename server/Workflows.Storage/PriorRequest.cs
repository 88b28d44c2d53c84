namespace Workflows.Storage;

/// <summary>What an idempotency key was first used for (<see cref="ICaseStore.FindRequestAsync"/>).</summary>
/// <param name="CaseId">The case the first request created or changed.</param>
/// <param name="Version">The case version that request left behind.</param>
/// <param name="SameRequest">True when the fingerprint matches: a retry, to be answered as before; false: the key was reused for another request.</param>
public sealed record PriorRequest(Guid CaseId, long Version, bool SameRequest);
