using Workflows.Definitions.Model;
using Workflows.Engine.Errors;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>
/// 子办件 (bundles, 一件事) need cases that start other cases, which belongs with storage and
/// numbering. Until then entering one is a clear, stable error rather than a silent skip.
/// </summary>
internal sealed class SubcaseBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Subcase;

    public void Enter(StepEntry entry) => throw Fail.SubcaseNotSupported(entry.Step.Id);
}
