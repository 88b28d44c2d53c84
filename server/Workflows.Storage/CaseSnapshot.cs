namespace Workflows.Storage;

/// <summary>The case's current state as opaque JSON plus the few fields the store indexes for search.</summary>
public sealed record CaseSnapshot(string State, CaseIndex Index);

/// <summary>
/// Columns kept next to the snapshot so search never parses JSON. The engine fills them from its
/// state on every change.
/// </summary>
public sealed record CaseIndex(
    string Status,
    string? Department = null,
    string? ApplicantName = null,
    string? ApplicantId = null,
    DateOnly? DueDate = null);
