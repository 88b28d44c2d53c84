using Workflows.Definitions.Model;
using Workflows.Engine.Events;
using Workflows.Engine.Graph;
using Workflows.Engine.State;

namespace Workflows.Engine.Routing.Behaviours;

/// <summary>A task for one assignee (a department role or a window), due by the step's limit.</summary>
internal sealed class TaskBehaviour : IStepBehaviour
{
    public StepKind Kind => StepKind.Task;

    public void Enter(StepEntry entry)
    {
        var step = (TaskNode)entry.Step;
        CreateTask(entry, step, isCountersign: false, SignMode.All, [new Signer(step.By)]);
    }

    internal static void CreateTask(StepEntry entry, WorkNode step, bool isCountersign, SignMode mode, IReadOnlyList<Signer> signers)
    {
        var tx = entry.Tx;
        // An excluded procedure's step is due when the applicant was told it would end; a back-office
        // acceptance step within the acceptance clock; any other step by its limit.
        DateOnly? due = tx.State.ActiveProcedure is { } procedure && procedure.TokenId == entry.TokenId ? procedure.AnnouncedEnd
            : Handlers.BackOfficeAcceptance.DueOf(tx, step) ?? (step.Limit is { } limit ? tx.Deadlines.Due(tx.Today, limit) : null);
        tx.Emit(new TaskCreated(tx.NextTaskId(), step.Id, step.Name, entry.TokenId, isCountersign, mode, signers, tx.Today, due)
        {
            DueProvisional = tx.Deadlines.IsProvisional(due),
        });
    }
}
