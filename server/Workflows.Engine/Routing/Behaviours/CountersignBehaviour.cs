using Workflows.Definitions.Model;
using Workflows.Engine.Graph;
using Workflows.Engine.State;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>会签 (all must sign) or 或签 (the first signature decides): one task with several signers.</summary>
internal sealed class CountersignBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Countersign;

    public void Enter(StepEntry entry)
    {
        var step = (CountersignNode)entry.Step;
        TaskBehaviour.CreateTask(entry, step, isCountersign: true, step.Mode, step.Signers.Select(s => new Signer(s)).ToList());
    }
}
