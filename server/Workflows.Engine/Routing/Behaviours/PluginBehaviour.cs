using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Ports;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>插件活动: runs through the activity port; its outcome routes like a task's.</summary>
internal sealed class PluginBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Plugin;

    public void Enter(StepEntry entry)
    {
        var step = entry.Step;
        var activity = step.Activity ?? throw Fail.Workflow($"插件步骤 {step.Id} 没有指定活动 (the plugin step names no activity)");
        var config = step.Config.ToDictionary(pair => pair.Key, pair => pair.Value);
        var result = entry.Tx.Context.Activities.Run(new ActivityRequest(activity, step.Id, config), entry.Tx.State);
        if (!result.Succeeded) throw Fail.ActivityFailed(step.Id, result.Error);
        entry.Tx.Emit(new ActivityCompleted(step.Id, activity, result.Outcome, result.Output));
        entry.Leave(result.Outcome);
    }
}
