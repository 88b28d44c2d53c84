using Workflows.Engine.State;

namespace Workflows.Engine.Events;

/// <summary>
/// A token entered a step carrying an excluded procedure (art. 45): the procedure runs, and unless the
/// clock already stood still a pause opens; the 特别程序告知书 is issued in the same command.
/// </summary>
public sealed record ProcedureStarted(ProcedureRun Procedure) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        ActiveProcedure = Procedure,
        Clocks = Procedure.StoppedClock ? state.Clocks with
        {
            Pauses = [.. state.Clocks.Pauses, new ClockPause(PauseReason.Procedure, Procedure.StartedOn, Note: Procedure.Name, Procedure: Procedure.Kind)],
        } : state.Clocks,
    };
}

/// <summary>The procedure's step was left: the run is kept for supervision. The clock restarts by the <see cref="ClockResumed"/> that follows.</summary>
public sealed record ProcedureEnded(string StepId, DateOnly On, int WorkingDays) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state.ActiveProcedure is not { } run ? state : state with
    {
        ActiveProcedure = null,
        ProcedureHistory = state.ProcedureHistory.Add(run with { EndedOn = On, WorkingDays = WorkingDays }),
    };
}
