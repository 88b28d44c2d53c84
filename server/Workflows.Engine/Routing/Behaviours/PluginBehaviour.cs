using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Graph;
using Workflows.Engine.Ports;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>插件活动: runs through the activity port; its outcome routes like a task's.</summary>
internal sealed class PluginBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Plugin;

    public void Enter(StepEntry entry)
    {
        var step = (PluginNode)entry.Step;
        var result = entry.Tx.Context.Activities.Run(new ActivityRequest(step.Activity, step.Id, step.Config), entry.Tx.State);
        if (!result.Succeeded) throw Fail.ActivityFailed(step.Id, result.Error);
        entry.Tx.Emit(new ActivityCompleted(step.Id, step.Activity, result.Outcome, result.Output));
        entry.Leave(result.Outcome);
    }
}
