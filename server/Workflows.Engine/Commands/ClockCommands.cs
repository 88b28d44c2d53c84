using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Engine.Commands;

/// <summary>
/// 挂起 or a 特别程序 declared by hand (art. 45). Always needs the approving head. The clock stops only
/// when a legal basis is named (a 中止 some law provides) and the guide does not count the procedure;
/// otherwise the case waits but its statutory clock keeps running.
/// </summary>
public sealed record Suspend(Actor By, string Reason, ProcedureKind? Procedure = null, string? Approver = null, string? Basis = null) : CaseCommand;

public sealed record Resume(Actor By) : CaseCommand;

/// <summary>延期 (art. 42): +N working days with the approving head named.</summary>
public sealed record Extend(Actor By, int WorkingDays, string Approver, string Reason) : CaseCommand;

/// <summary>
/// Time passes: the acceptance clock may lapse, warnings and overdue marks are raised, due timers
/// fire. A scheduler only needs to call this; it is idempotent for the same day.
/// </summary>
public sealed record Tick(DateTimeOffset Now) : CaseCommand;
