using Workflows.Engine.State;

namespace Workflows.Engine.Commands;

/// <summary>撤回 at the applicant's request.</summary>
public sealed record Withdraw(Actor By, string Reason) : CaseCommand;

/// <summary>
/// 终止办理 by the department head: only after a deferred (容缺) material's catch-up date passed
/// and before the decision; <paramref name="Reason"/> goes on the 终止办理告知书.
/// </summary>
public sealed record Terminate(Actor By, string Reason) : CaseCommand;

/// <summary>Issue a notice outside a document step (受理通知书, 不予受理通知书...).</summary>
public sealed record IssueDocument(Actor By, string TemplateId) : CaseCommand;

/// <summary>好差评: one rating per case.</summary>
/// <summary>差评整改: the department reports what it did about a bad rating.</summary>
public sealed record Rectify(Actor By, string Measures) : CaseCommand;

public sealed record Evaluate(EvaluationLevel Level, string? Comment = null, string? By = null) : CaseCommand;
