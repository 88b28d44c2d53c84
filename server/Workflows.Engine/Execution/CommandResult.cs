using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Intents;
using Workflows.Engine.State;

namespace Workflows.Engine.Execution;

/// <summary>Either the events a command produced, the intents it asks for and the state after them, or the error that refused it.</summary>
public sealed record CommandResult
{
    private CommandResult(IReadOnlyList<CaseEvent> events, IReadOnlyList<CaseIntent> intents, CaseState? state, DomainError? error)
    {
        Events = events;
        Intents = intents;
        State = state;
        Error = error;
    }

    public IReadOnlyList<CaseEvent> Events { get; }

    /// <summary>The effects to carry out once the events are committed, in the order they arose.</summary>
    public IReadOnlyList<CaseIntent> Intents { get; }

    /// <summary>The new state; unchanged (possibly null) on failure or when nothing happened.</summary>
    public CaseState? State { get; }

    public DomainError? Error { get; }

    public bool Succeeded => Error is null;

    internal static CommandResult Success(IReadOnlyList<CaseEvent> events, IReadOnlyList<CaseIntent> intents, CaseState? state) => new(events, intents, state, null);

    internal static CommandResult Failure(DomainError error, CaseState? unchanged) => new([], [], unchanged, error);
}
