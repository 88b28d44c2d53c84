using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>定时: the token waits until the wake-up day; <c>Tick</c> fires it (see TickHandler).</summary>
internal sealed class TimerBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Timer;

    public void Enter(StepEntry entry)
    {
        var after = entry.Step.After ?? throw Fail.Workflow($"定时步骤 {entry.Step.Id} 没有等待时长 (the timer has no duration)");
        var wakeOn = entry.Tx.Deadlines.Due(entry.Tx.Today, after);
        entry.Tx.Emit(new TimerScheduled(entry.TokenId, entry.Step.Id, wakeOn));
    }
}
