using Workflows.Definitions.Model;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
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
    public static void Enter(CaseTransaction tx, string tokenId, Step step, StepProcedure procedure)
    {
        // The validator guarantees basis and duration; a definition that skipped it fails loudly here.
        if (string.IsNullOrWhiteSpace(procedure.Basis) || procedure.Duration is not { Value: > 0 } duration)
            throw Errors.Fail.Workflow($"步骤 {step.Id} 的特别程序缺少法律依据或告知时长 (the excluded procedure needs basis and duration)");
        if (tx.State.ActiveProcedure is { } running)
            throw Errors.Fail.ProcedureAlreadyRunning(running.Name, step.Id);
        var name = procedure.Name ?? step.Name ?? step.Id;
        var stops = tx.State.Clocks.OpenPause is null && tx.State.Clocks.AcceptedOn is not null;
        tx.Emit(new ProcedureStarted(new ProcedureRun(step.Id, tokenId, procedure.Kind, name, procedure.Basis.Trim(), duration,
            tx.Today, tx.Deadlines.Due(tx.Today, duration), stops)));
        DocumentIntents.Issue(tx, procedure.TemplateOrDefault, step.Id);
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
