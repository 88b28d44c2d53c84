using Workflows.Engine.State;

namespace Workflows.Engine.Ports;

/// <summary>
/// Evaluates a script condition (a branch case, a material's <c>when</c>) against the case.
/// Implemented outside the engine by the script sandbox, so the engine never references Jint.
/// </summary>
public interface IConditionEvaluator
{
    bool Evaluate(string expression, CaseState state);
}
