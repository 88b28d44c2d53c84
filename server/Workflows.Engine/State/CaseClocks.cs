using Workflows.Definitions.Model;

namespace Workflows.Engine.State;

public enum PauseReason
{
    /// <summary>补正: waiting for the applicant.</summary>
    Supplement,
    /// <summary>挂起 (with its legal basis), or an excluded procedure declared by hand.</summary>
    Suspension,
    /// <summary>An excluded procedure (特别程序, 行政许可法 art. 45) run by a workflow step.</summary>
    Procedure,
}

/// <summary>An interval that does not count. <see cref="WorkingDays"/> is set when it closes.</summary>
public sealed record ClockPause(PauseReason Reason, DateOnly From, DateOnly? To = null, int WorkingDays = 0, string? Note = null, ProcedureKind? Procedure = null)
{
    public bool IsOpen => To is null;
}

/// <summary>延期 (行政许可法 art. 42): +N working days with the approver named.</summary>
public sealed record Extension(int WorkingDays, string Approver, string Reason, DateOnly On);

/// <summary>
/// The case's clocks. Due dates are stored already moved by pauses and extensions, computed by the
/// command handler with the calendar, so replaying events needs no calendar.
/// </summary>
public sealed record CaseClocks
{
    public DateOnly ReceivedOn { get; init; }
    /// <summary>收件 + 5 working days (art. 32); restarted when a supplement before acceptance is complete.</summary>
    public DateOnly AcceptanceDue { get; init; }
    /// <summary>True when the acceptance clock ran out and the case counts as accepted on the receipt day.</summary>
    public bool AcceptanceLapsed { get; init; }
    public DateOnly? AcceptedOn { get; init; }
    public Duration? StatutoryLimit { get; init; }
    public Duration? PromisedLimit { get; init; }
    public DateOnly? StatutoryDue { get; init; }
    public DateOnly? PromisedDue { get; init; }
    /// <summary>The acceptance due date was counted through a year without a published schedule (暂定).</summary>
    public bool AcceptanceDueProvisional { get; init; }
    /// <summary>The statutory and promised due dates were counted through a year without a published schedule (暂定).</summary>
    public bool DecisionDueProvisional { get; init; }
    /// <summary>Working days paused after acceptance (closed pauses only).</summary>
    public int PausedWorkingDays { get; init; }
    public int ExtendedWorkingDays { get; init; }
    public IReadOnlyList<ClockPause> Pauses { get; init; } = [];
    public IReadOnlyList<Extension> Extensions { get; init; } = [];

    public ClockPause? OpenPause => Pauses.Count > 0 && Pauses[^1].IsOpen ? Pauses[^1] : null;
}
