namespace Workflows.Engine.Errors;

/// <summary>
/// Carries a <see cref="DomainError"/> out of deep routing code to the single place that turns it
/// into a result (<see cref="Execution.CaseEngine"/>). It never escapes the engine: callers only
/// ever see a <see cref="Execution.CommandResult"/>. Because the transaction works on immutable
/// state, unwinding discards every event of the failed command.
/// </summary>
internal sealed class CaseRuleViolation(DomainError error) : Exception(error.ToString())
{
    public DomainError Error { get; } = error;
}
