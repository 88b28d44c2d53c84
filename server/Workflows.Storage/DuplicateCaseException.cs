namespace Workflows.Storage;

/// <summary>A case with this id already exists; the creating transaction was rolled back and consumed no number.</summary>
public sealed class DuplicateCaseException(Guid caseId, Exception? inner = null)
    : Exception($"A case with id {caseId} already exists.", inner)
{
    public Guid CaseId { get; } = caseId;
}
