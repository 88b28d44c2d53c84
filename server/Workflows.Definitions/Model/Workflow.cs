using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

/// <summary>办理流程: the item's steps in order; the first one starts the case.</summary>
[Label("办理流程")]
public sealed class Workflow
{
    /// <summary>The reserved step target that closes the case (办结).</summary>
    public const string End = "end";

    [Required, AsMap, Label("步骤")] public List<Step> Steps { get; set; } = [];
}

[Label("步骤")]
public sealed class Step
{
    [MapKey, Id, Label("标识")] public string Id { get; set; } = "";
    [Required, Label("类型")] public StepKind Kind { get; set; }
    [Label("名称")] public string? Name { get; set; }
    [Label("办理人")] public Assignee? By { get; set; }
    [Label("受理方式", "受理步骤：window 窗口受理（委托受理，以部门名义）或 back-office 前台收件、后台受理（下一步为部门的受理决定）")] public AcceptanceSetUp? Acceptance { get; set; }
    [Label("时限")] public Duration? Limit { get; set; }
    [Label("特别程序")] public StepProcedure? Procedure { get; set; }
    [Label("会签方式")] public SignMode? Mode { get; set; }
    [Label("会签人")] public List<Assignee> Signers { get; set; } = [];
    [Ref(RefKind.Template), Label("模板")] public string? Template { get; set; }
    [Label("等待时长")] public Duration? After { get; set; }
    [Ref(RefKind.Item), Label("子事项")] public string? Item { get; set; }
    [Label("插件活动")] public string? Activity { get; set; }
    [Label("插件配置")] public OrderedDictionary<string, string> Config { get; set; } = [];
    [Ref(RefKind.Step), Label("并行分支")] public List<string> Branches { get; set; } = [];
    [Label("条件分支")] public List<BranchCase> Cases { get; set; } = [];
    [Ref(RefKind.Step), Label("其他情况")] public string? Otherwise { get; set; }
    [Ref(RefKind.Step), Label("下一步")] public string? Next { get; set; }
    [Ref(RefKind.Step), Label("办理结果")] public OrderedDictionary<string, string> Outcomes { get; set; } = [];
}

public enum StepKind
{
    [Label("受理")] Intake,
    [Label("办理")] Task,
    [Label("会签")] Countersign,
    [Label("并行")] Parallel,
    [Label("汇聚")] Join,
    [Label("条件分支")] Branch,
    [Label("制证")] Document,
    [Label("通知")] Notify,
    [Label("定时")] Timer,
    [Label("子办件")] Subcase,
    [Label("插件")] Plugin,
}

/// <summary>Who takes the acceptance decision (DOMAIN §3): the window, or the department after the window received.</summary>
public enum AcceptanceSetUp
{
    /// <summary>委托受理 (or the department's stationed staff): the window accepts in the department's name.</summary>
    [Label("窗口受理")] Window,
    /// <summary>前台收件、后台受理: the window receives and issues the 材料接收凭证; the step after intake is the department's acceptance decision.</summary>
    [Label("前台收件、后台受理")] BackOffice,
}

public enum SignMode
{
    [Label("会签")] All,
    [Label("或签")] Any,
}

[Label("办理人"), Atomic]
public sealed class Assignee
{
    [Ref(RefKind.Window), Label("窗口")] public string? Window { get; set; }
    [Ref(RefKind.Department), Label("部门")] public string? Department { get; set; }
    [Ref(RefKind.Role), Label("角色")] public string? Role { get; set; }

    /// <summary>As the diff prints it: <c>education/reviewer</c>, <c>window:issuance</c>.</summary>
    public override string ToString() =>
        Window is not null ? $"window:{Window}" + (Role is null ? "" : $"/{Role}") : $"{Department}/{Role}";
}

[Label("条件分支")]
public sealed class BranchCase
{
    [Required, Script, Label("条件")] public string When { get; set; } = "";
    [Required, Ref(RefKind.Step), Label("下一步")] public string Next { get; set; } = "";
}

/// <summary>Outcome names with a fixed meaning and a Chinese label; items may add their own.</summary>
public static class Outcomes
{
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["pass"] = "通过", ["accept"] = "受理", ["return"] = "退回", ["supplement"] = "补正", ["refuse"] = "不予受理",
        ["grant"] = "准予许可", ["deny"] = "不予许可", ["approve"] = "同意", ["reject"] = "不同意",
    };

    public static string Label(string outcome) => Labels.GetValueOrDefault(outcome, outcome);
}
