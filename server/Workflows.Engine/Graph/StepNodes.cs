using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Engine.Graph;

/// <summary>
/// One step of a compiled workflow. Each step kind has its own node type holding exactly what the
/// kind needs, already checked and typed, so the engine never asks whether a property is there.
/// </summary>
public abstract record StepNode(string Id, string? Name)
{
    public abstract StepKind Kind { get; }

    /// <summary>The step's name, or its id when it has none: what messages and notices show.</summary>
    public string Label => Name ?? Id;

    /// <summary>The declared outcome names in file order; none for steps that only go <c>next</c>.</summary>
    public virtual IReadOnlyList<string> OutcomeNames => [];

    /// <summary>Where the step is left to with this outcome (validated before anything is recorded).</summary>
    public abstract StepTarget Follow(string? outcome);
}

/// <summary>A step that is left by <c>next</c> only (制证, 通知, 定时, 汇聚).</summary>
public abstract record PassNode(string Id, string? Name, StepTarget Next) : StepNode(Id, Name)
{
    public override StepTarget Follow(string? outcome) => Next;
}

/// <summary>A step that is left by an outcome (受理, 办理, 会签, 子办件, 插件).</summary>
public abstract record DecidedNode(string Id, string? Name, StepExits Exits) : StepNode(Id, Name)
{
    public override IReadOnlyList<string> OutcomeNames => Exits.OutcomeNames;

    public override StepTarget Follow(string? outcome) => Exits.Follow(Id, outcome);
}

/// <summary>A step that creates a task for people (办理, 会签): due by its limit, or by its 特别程序's announced end.</summary>
public abstract record WorkNode(string Id, string? Name, Duration? Limit, ProcedureSpec? Procedure, StepExits Exits) : DecidedNode(Id, Name, Exits);

/// <summary>受理: the window receives; with 前台收件、后台受理 the department decides acceptance in the next step.</summary>
public sealed record IntakeNode(string Id, string? Name, string Window, AcceptanceSetUp Acceptance, Duration? Limit, StepExits Exits) : DecidedNode(Id, Name, Exits)
{
    public override StepKind Kind => StepKind.Intake;
}

/// <summary>办理: one task for one assignee (a department role or a window).</summary>
public sealed record TaskNode(string Id, string? Name, TaskAssignee By, Duration? Limit, ProcedureSpec? Procedure, StepExits Exits)
    : WorkNode(Id, Name, Limit, Procedure, Exits)
{
    public override StepKind Kind => StepKind.Task;
}

/// <summary>会签 (all sign) or 或签 (the first signature decides): one task with several signers.</summary>
public sealed record CountersignNode(string Id, string? Name, SignMode Mode, IReadOnlyList<TaskAssignee> Signers, Duration? Limit, ProcedureSpec? Procedure, StepExits Exits)
    : WorkNode(Id, Name, Limit, Procedure, Exits)
{
    public override StepKind Kind => StepKind.Countersign;
}

/// <summary>并行: one token per branch, all in one fork scope that a join waits for.</summary>
public sealed record ParallelNode(string Id, string? Name, IReadOnlyList<StepTarget> Branches, Duration? Limit) : StepNode(Id, Name)
{
    public override StepKind Kind => StepKind.Parallel;

    public override StepTarget Follow(string? outcome) => throw Errors.Fail.Workflow($"步骤 {Id} 没有下一步 (the step has no next)");
}

/// <summary>汇聚: waits for every branch of the fork, then continues as one token.</summary>
public sealed record JoinNode(string Id, string? Name, StepTarget Next) : PassNode(Id, Name, Next)
{
    public override StepKind Kind => StepKind.Join;
}

/// <summary>One case of a 条件分支: a form condition and where it leads.</summary>
public sealed record BranchRoute(string When, StepTarget Target);

/// <summary>条件分支: the first case whose condition holds, else <see cref="Otherwise"/> (none: the case stops with an error).</summary>
public sealed record BranchNode(string Id, string? Name, IReadOnlyList<BranchRoute> Cases, StepTarget? Otherwise) : StepNode(Id, Name)
{
    public override StepKind Kind => StepKind.Branch;

    public override StepTarget Follow(string? outcome) => throw Errors.Fail.Workflow($"步骤 {Id} 没有下一步 (the step has no next)");
}

/// <summary>制证: renders the template's document (a certificate is also registered) and continues.</summary>
public sealed record DocumentNode(string Id, string? Name, string Template, TaskAssignee? By, StepTarget Next) : PassNode(Id, Name, Next)
{
    public override StepKind Kind => StepKind.Document;
}

/// <summary>通知 / 送达: sends the template's notice and continues.</summary>
public sealed record NotifyNode(string Id, string? Name, string Template, StepTarget Next) : PassNode(Id, Name, Next)
{
    public override StepKind Kind => StepKind.Notify;
}

/// <summary>定时: the token waits <see cref="After"/>, counted like any limit, then continues.</summary>
public sealed record TimerNode(string Id, string? Name, Duration After, StepTarget Next) : PassNode(Id, Name, Next)
{
    public override StepKind Kind => StepKind.Timer;
}

/// <summary>子办件: another item's case (not run by the engine yet; the validator refuses it, the engine reports it).</summary>
public sealed record SubcaseNode(string Id, string? Name, string? Item, Duration? Limit, StepExits Exits) : DecidedNode(Id, Name, Exits)
{
    public override StepKind Kind => StepKind.Subcase;
}

/// <summary>插件: runs a plugin activity with its configuration; its outcome routes like a task's.</summary>
public sealed record PluginNode(string Id, string? Name, string Activity, IReadOnlyDictionary<string, string> Config, StepExits Exits) : DecidedNode(Id, Name, Exits)
{
    public override StepKind Kind => StepKind.Plugin;
}

/// <summary>
/// 特别程序 on a 办理 or 会签 step (行政许可法 art. 45), complete as the validator requires: the
/// legal basis and the announced duration are always there, the name and template are resolved.
/// </summary>
public sealed record ProcedureSpec(ProcedureKind Kind, string Name, string Basis, Duration Duration, string Template);
