using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Graph;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>
/// 特别程序 (行政许可法 art. 45) as a property of a step: the router calls <see cref="Enter"/> when a
/// token arrives at such a step (before its task is created) and <see cref="Leave"/> when the token
/// moves on. Entering stops the statutory clock and issues the 特别程序告知书 with the announced
/// duration; leaving restarts the clock, moving every running due date by the procedure's working days.
/// </summary>
internal static class ProcedureHandler
{
    public static void Enter(CaseTransaction tx, string tokenId, StepNode step, ProcedureSpec procedure)
    {
        if (tx.State.ActiveProcedure is { } running)
            throw Errors.Fail.ProcedureAlreadyRunning(running.Name, step.Id);
        var stops = tx.State.Clocks.OpenPause is null && tx.State.Clocks.AcceptedOn is not null;
        tx.Emit(new ProcedureStarted(new ProcedureRun(step.Id, tokenId, procedure.Kind, procedure.Name, procedure.Basis, procedure.Duration,
            tx.Today, tx.Deadlines.Due(tx.Today, procedure.Duration), stops)));
        DocumentIntents.Issue(tx, procedure.Template, step.Id);
    }

    /// <summary>The token of the running procedure leaves its step (done, returned, or the case closes).</summary>
    public static void Leave(CaseTransaction tx, string tokenId)
    {
        if (tx.State.ActiveProcedure is not { } run || run.TokenId != tokenId) return;
        var days = tx.Deadlines.WorkingDaysBetween(run.StartedOn, tx.Today);
        tx.Emit(new ProcedureEnded(run.StepId, tx.Today, days));
        if (run.StoppedClock && !tx.State.IsClosed) ClockHandler.ResumeClock(tx, PauseReason.Procedure, run.StartedOn, tx.State.Status);
    }
}
