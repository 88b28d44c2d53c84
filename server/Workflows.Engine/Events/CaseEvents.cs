using System.Collections.Immutable;
using Workflows.Engine.State;

namespace Workflows.Engine.Events;

/// <summary>Folds events into the case snapshot.</summary>
public static class CaseEvents
{
    /// <summary>
    /// Applies one event. The first event of every case is <see cref="CaseReceived"/>, which needs
    /// no prior state. A log that does not start so is corrupt, which is not a caller's mistake,
    /// hence the exception.
    /// </summary>
    public static CaseState Apply(CaseState? state, CaseEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var next = @event switch
        {
            CaseReceived received => received.Create(),
            _ when state is null => throw new InvalidOperationException($"事件日志须以收件开始 (the log must start with case-received, got {@event.GetType().Name})"),
            _ => @event.ApplyTo(state),
        };
        return next with { Version = @event.Version };
    }

    /// <summary>Replays a whole log.</summary>
    public static CaseState Replay(IEnumerable<CaseEvent> events)
    {
        CaseState? state = null;
        foreach (var @event in events) state = Apply(state, @event);
        return state ?? throw new InvalidOperationException("空的事件日志 (an empty log has no case)");
    }

    internal static CaseState UpdateTask(this CaseState state, string taskId, Func<CaseTask, CaseTask> change) =>
        state with { Tasks = state.Tasks.Select(t => t.Id == taskId ? change(t) : t).ToImmutableList() };

    internal static CaseState UpdateToken(this CaseState state, string tokenId, Func<Token, Token> change) =>
        state with { Tokens = state.Tokens.Select(t => t.Id == tokenId ? change(t) : t).ToImmutableList() };
}
