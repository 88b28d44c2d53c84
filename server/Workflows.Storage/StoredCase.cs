namespace Workflows.Storage;

/// <summary>A case as loaded: its number, its version (the sequence of its last event) and snapshot.</summary>
public sealed record StoredCase(Guid Id, CaseNumber Number, long Version, CaseSnapshot Snapshot);
