namespace Workflows.Storage;

/// <summary>An event as stored, with its place in the case's hash chain.</summary>
public sealed record StoredEvent(
    Guid CaseId,
    long Sequence,
    string Type,
    string Payload,
    DateTimeOffset RecordedAt,
    string Hash);
