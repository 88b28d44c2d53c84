using Workflows.Engine.State;

namespace Workflows.Server.Cases;

/// <summary>What <see cref="CaseService.ExecuteAsync"/> did; each case maps to one HTTP answer.</summary>
public abstract record CaseCommandResult
{
    private CaseCommandResult() { }

    /// <summary>Stored (or, when <paramref name="Replayed"/>, stored by an earlier try with the same key; the state is then the current one).</summary>
    public sealed record Ok(Guid CaseId, string Number, long Version, CaseState State, bool Replayed = false) : CaseCommandResult;

    /// <summary>The engine refused the command; <paramref name="Code"/> is its stable WF60xx code (HTTP 422/400).</summary>
    public sealed record Rejected(string Code, string Message) : CaseCommandResult;

    /// <summary>The case changed since the caller's version (HTTP 409).</summary>
    public sealed record Conflict(long ExpectedVersion, long ActualVersion) : CaseCommandResult;

    /// <summary>The idempotency key was used for another request (HTTP 422).</summary>
    public sealed record IdempotencyMismatch(string Key) : CaseCommandResult;

    /// <summary>No such case (HTTP 404).</summary>
    public sealed record NotFound(Guid CaseId) : CaseCommandResult;
}
