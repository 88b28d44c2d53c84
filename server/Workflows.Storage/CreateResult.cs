namespace Workflows.Storage;

/// <summary>The outcome of <see cref="ICaseStore.CreateCaseAsync"/>.</summary>
public abstract record CreateResult
{
    private CreateResult() { }

    /// <summary>The case exists with this number; <paramref name="Replayed"/> when an idempotent retry wrote nothing.</summary>
    public sealed record Created(Guid CaseId, CaseNumber Number, bool Replayed = false) : CreateResult;

    /// <summary>The idempotency key was already used for a different request; nothing was written.</summary>
    public sealed record IdempotencyMismatch(string Key) : CreateResult;
}
