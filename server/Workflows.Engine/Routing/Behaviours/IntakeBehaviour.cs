using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>
/// The window. On receipt the token simply waits for the acceptance decision. Routed back here after
/// acceptance (a <c>supplement</c> outcome), it issues the one-time notice the command carried and
/// pauses the case clock; <c>Supplement</c> leaves the step again.
/// </summary>
internal sealed class IntakeBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Intake;

    public void Enter(StepEntry entry)
    {
        var tx = entry.Tx;
        if (tx.State.Clocks.AcceptedOn is null) return;

        var notice = tx.PendingNotice;
        if (notice is null || notice.Deficiencies.Count == 0) throw Fail.OneTimeNoticeEmpty();
        tx.Emit(new SupplementRequested(notice.Deficiencies, notice.RequestedBy, tx.Today, BeforeAcceptance: false));
    }
}
