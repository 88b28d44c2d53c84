using Workflows.Definitions.Model;
using Workflows.Engine.Events;
using Workflows.Engine.Graph;
using Workflows.Engine.Intents;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>通知 / 送达: asks for the notice to go to the notifier plugins and continues.</summary>
internal sealed class NotifyBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Notify;

    public void Enter(StepEntry entry)
    {
        var step = (NotifyNode)entry.Step;
        entry.Tx.Intend(new Notify(new CaseNotification(NotificationKind.Step, step.Id, step.Template, Message: step.Name)));
        entry.Tx.Emit(new NotificationSent(step.Id, step.Template));
        entry.Leave();
    }
}
