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
        if (tx.State.Clocks.AcceptedOn is null)
        {
            // 前台收件、后台受理: the department's acceptance step asked for 补正 (before acceptance),
            // or the materials were just received and go on to the department's decision.
            if (tx.PendingNotice is { } pending)
            {
                if (pending.Deficiencies.Count == 0) throw Fail.OneTimeNoticeEmpty();
                tx.Emit(new SupplementRequested(pending.Deficiencies, pending.RequestedBy, tx.Today, BeforeAcceptance: true)
                {
                    RepeatsOneTimeNotice = tx.State.SupplementHistory.Count > 0,
                });
            }
            else if (Handlers.BackOfficeAcceptance.StepOf(tx) is not null) entry.Leave();
            return;
        }

        var notice = tx.PendingNotice;
        if (notice is null || notice.Deficiencies.Count == 0) throw Fail.OneTimeNoticeEmpty();
        tx.Emit(new SupplementRequested(notice.Deficiencies, notice.RequestedBy, tx.Today, BeforeAcceptance: false));
    }
}
