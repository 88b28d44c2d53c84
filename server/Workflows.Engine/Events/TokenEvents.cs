using Workflows.Engine.State;

namespace Workflows.Engine.Events;

public sealed record TokenCreated(string TokenId, string StepId, ForkScope? Fork) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Tokens = state.Tokens.Add(new Token(TokenId, StepId, Fork)),
        TokensCreated = state.TokensCreated + 1,
        VisitedSteps = state.VisitedSteps.Add(StepId),
    };
}

public sealed record TokenMoved(string TokenId, string StepId) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) =>
        state.UpdateToken(TokenId, token => token with { StepId = StepId, WakeOn = null }) with
        {
            VisitedSteps = state.VisitedSteps.Add(StepId),
        };
}

public sealed record TokenConsumed(string TokenId) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Tokens = state.Tokens.RemoveAll(t => t.Id == TokenId),
    };
}

/// <summary>A timer step waits until <see cref="WakeOn"/>; Tick fires it.</summary>
public sealed record TimerScheduled(string TokenId, string StepId, DateOnly WakeOn) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state.UpdateToken(TokenId, token => token with { WakeOn = WakeOn });
}

public sealed record TimerFired(string TokenId, string StepId) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state.UpdateToken(TokenId, token => token with { WakeOn = null });
}
