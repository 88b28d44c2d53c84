using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Engine.Commands;

/// <summary>挂起 or 特别程序 (art. 45). A listed procedure follows the guide's counted flag; a plain suspension stops the clock.</summary>
public sealed record Suspend(Actor By, string Reason, ProcedureKind? Procedure = null, string? Approver = null) : CaseCommand;

public sealed record Resume(Actor By) : CaseCommand;

/// <summary>延期 (art. 42): +N working days with the approving head named.</summary>
public sealed record Extend(Actor By, int WorkingDays, string Approver, string Reason) : CaseCommand;

/// <summary>
/// Time passes: the acceptance clock may lapse, warnings and overdue marks are raised, due timers
/// fire. A scheduler only needs to call this; it is idempotent for the same day.
/// </summary>
public sealed record Tick(DateTimeOffset Now) : CaseCommand;
