using Workflows.Definitions.Model;
using Workflows.Engine.Events;
using Workflows.Engine.Ports;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>通知 / 送达: hands the notice to the notifier plugin and continues.</summary>
internal sealed class NotifyBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Notify;

    public void Enter(StepEntry entry)
    {
        var step = entry.Step;
        entry.Tx.Context.Notifier.Notify(new CaseNotification(NotificationKind.Step, step.Id, step.Template, Message: step.Name), entry.Tx.State);
        entry.Tx.Emit(new NotificationSent(step.Id, step.Template));
        entry.Leave();
    }
}
