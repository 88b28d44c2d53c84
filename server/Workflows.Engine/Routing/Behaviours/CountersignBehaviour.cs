using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.State;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>会签 (all must sign) or 或签 (the first signature decides): one task with several signers.</summary>
internal sealed class CountersignBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Countersign;

    public void Enter(StepEntry entry)
    {
        var step = entry.Step;
        var signers = step.Signers.Count > 0 ? step.Signers : step.By is null ? [] : [step.By];
        if (signers.Count == 0) throw Fail.Workflow($"会签步骤 {step.Id} 没有会签人 (the countersign has no signers)");
        TaskBehaviour.CreateTask(entry, isCountersign: true, step.Mode ?? SignMode.All,
            signers.Select(s => new Signer(TaskAssignee.From(s))).ToList());
    }
}
