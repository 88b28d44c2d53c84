namespace Workflows.Storage;

/// <summary>The outcome of <see cref="ICaseStore.AppendAsync"/>; each case maps to one HTTP answer.</summary>
public abstract record AppendResult
{
    private AppendResult() { }

    /// <summary>Written (or, when <paramref name="Replayed"/>, written by an earlier try with the same key).</summary>
    public sealed record Appended(long Version, bool Replayed = false) : AppendResult;

    /// <summary>Someone else changed the case first (HTTP 409); reload and decide again.</summary>
    public sealed record Conflict(long ExpectedVersion, long ActualVersion) : AppendResult;

    /// <summary>The idempotency key was already used for a different request (HTTP 422); nothing was written.</summary>
    public sealed record IdempotencyMismatch(string Key) : AppendResult;

    /// <summary>No case with this id (HTTP 404).</summary>
    public sealed record NotFound(Guid CaseId) : AppendResult;
}
