using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.State;

namespace Workflows.Engine.Execution;

/// <summary>Either the events a command produced and the state after them, or the error that refused it.</summary>
public sealed record CommandResult
{
    private CommandResult(IReadOnlyList<CaseEvent> events, CaseState? state, DomainError? error)
    {
        Events = events;
        State = state;
        Error = error;
    }

    public IReadOnlyList<CaseEvent> Events { get; }

    /// <summary>The new state; unchanged (possibly null) on failure or when nothing happened.</summary>
    public CaseState? State { get; }

    public DomainError? Error { get; }

    public bool Succeeded => Error is null;

    internal static CommandResult Success(IReadOnlyList<CaseEvent> events, CaseState? state) => new(events, state, null);

    internal static CommandResult Failure(DomainError error, CaseState? unchanged) => new([], unchanged, error);
}
