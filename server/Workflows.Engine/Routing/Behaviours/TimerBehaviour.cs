using Workflows.Definitions.Model;
using Workflows.Engine.Events;
using Workflows.Engine.Graph;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>定时: the token waits until the wake-up day; <c>Tick</c> fires it (see TickHandler).</summary>
internal sealed class TimerBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Timer;

    public void Enter(StepEntry entry)
    {
        var step = (TimerNode)entry.Step;
        var wakeOn = entry.Tx.Deadlines.Due(entry.Tx.Today, step.After);
        entry.Tx.Emit(new TimerScheduled(entry.TokenId, entry.Step.Id, wakeOn));
    }
}
