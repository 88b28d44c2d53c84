using Workflows.Definitions.Model;

namespace Workflows.Engine.State;

/// <summary>
/// One run of an excluded procedure (特别程序, 行政许可法 art. 45) at a workflow step: what the applicant
/// was told (kind, legal basis, announced working days and the day it should end) and, once the step is
/// left, when it ended and how many working days it took. <see cref="StoppedClock"/> is false when the
/// clock was already standing still on entry (nothing to stop, nothing to restart).
/// </summary>
public sealed record ProcedureRun(
    string StepId,
    string TokenId,
    ProcedureKind Kind,
    string Name,
    string Basis,
    Duration Announced,
    DateOnly StartedOn,
    DateOnly AnnouncedEnd,
    bool StoppedClock)
{
    public DateOnly? EndedOn { get; init; }
    public int WorkingDays { get; init; }

    /// <summary>Past its announced end on <paramref name="today"/> (while running) or when it ended: what supervision shows.</summary>
    public bool IsOverrun(DateOnly today) => (EndedOn ?? today) > AnnouncedEnd;
}

/// <summary>What the clock rules ask about a running procedure: Tick, NextWake and the deadline level agree through these.</summary>
public static class ProcedureClock
{
    /// <summary>The task doing the running procedure's work: its deadline is the announced end, and it keeps counting.</summary>
    public static bool IsProcedureTask(CaseState state, CaseTask task) =>
        state.ActiveProcedure is { } run && run.TokenId == task.TokenId && task.StepId == run.StepId;

    /// <summary>The statutory clock stands still while an excluded procedure runs with its pause open.</summary>
    public static bool StopsClock(CaseState state) => state.ActiveProcedure is { StoppedClock: true } && state.Clocks.OpenPause is not null;
}
