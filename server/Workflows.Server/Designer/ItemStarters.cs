using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Server.Designer;

/// <summary>
/// The minimal valid skeleton of a new item, per item type: a guide with every required element
/// filled with a placeholder to replace (待补充), one material, one form field, and a workflow.
/// Public services (公共服务) are handled on the spot at the window (intake → 窗口办结);
/// every other type is reviewed and decided in the department (intake → 审查 → 决定 → 决定书 → 出件).
/// </summary>
public static class ItemStarters
{
    public static IReadOnlyList<ItemType> Types { get; } = Enum.GetValues<ItemType>();

    public static bool OnTheSpot(ItemType type) => type == ItemType.PublicService;

    public static IReadOnlyList<string> StepsOf(ItemType type) =>
        OnTheSpot(type) ? ["intake", "handle", "notify-completion"] : ["intake", "review", "decide", "issue", "deliver", "notify-denial"];

    /// <param name="intakeWindow">A comprehensive window that serves <paramref name="department"/>.</param>
    /// <param name="issuanceWindow">The issuance window (统一出件), if the county has one.</param>
    public static IReadOnlyDictionary<string, object> Create(string name, ItemType type, string department, string intakeWindow, string? issuanceWindow)
    {
        var guide = (Guide)Parse(FileKind.Guide, GuideText);
        guide.Name = name;
        guide.MainItem = name;
        guide.Type = type;
        guide.Department = department;
        guide.Result.Name = name + "结果";
        if (OnTheSpot(type))
        {
            guide.HandlingType = HandlingType.Immediate;
            guide.Limits = new Limits { Statutory = Duration.WorkingDays(0), Promised = Duration.WorkingDays(0) };
            guide.Result.Type = ResultType.Other;
        }
        var materials = (List<Material>)Parse(FileKind.Materials, MaterialsText);
        var form = (Form)Parse(FileKind.Form, FormText);
        var workflow = new Workflow { Steps = OnTheSpot(type) ? OnTheSpotSteps(intakeWindow) : ReviewSteps(intakeWindow, issuanceWindow ?? intakeWindow, department) };
        return new Dictionary<string, object> { ["guide"] = guide, ["materials"] = materials, ["form"] = form, ["workflow"] = workflow };
    }

    private static List<Step> OnTheSpotSteps(string window) =>
    [
        new() { Id = "intake", Kind = StepKind.Intake, Name = "窗口受理", By = new Assignee { Window = window }, Next = "handle" },
        new() { Id = "handle", Kind = StepKind.Task, Name = "窗口办结", By = new Assignee { Window = window }, Limit = Duration.WorkingDays(0), Next = "notify-completion" },
        new() { Id = "notify-completion", Kind = StepKind.Notify, Name = "办结通知", Template = "notices/completion", Next = Workflow.End },
    ];

    private static List<Step> ReviewSteps(string window, string issuance, string department) =>
    [
        new() { Id = "intake", Kind = StepKind.Intake, Name = "窗口受理", By = new Assignee { Window = window }, Next = "review" },
        new()
        {
            Id = "review", Kind = StepKind.Task, Name = "审查", By = new Assignee { Department = department, Role = "reviewer" }, Limit = Duration.WorkingDays(10),
            // After 受理 only the head's 准予 / 不予许可 is lawful: a reviewer who disagrees sends the case to the head (WF3033).
            Outcomes = new() { ["pass"] = "decide", ["reject"] = "decide" },
        },
        new()
        {
            Id = "decide", Kind = StepKind.Task, Name = "决定", By = new Assignee { Department = department, Role = "head" }, Limit = Duration.WorkingDays(3),
            Outcomes = new() { ["grant"] = "issue", ["deny"] = "notify-denial" },
        },
        new() { Id = "issue", Kind = StepKind.Document, Name = "制作决定书", Template = "notices/approval-decision", Next = "deliver" },
        new() { Id = "deliver", Kind = StepKind.Task, Name = "统一出件", By = new Assignee { Window = issuance }, Next = Workflow.End },
        new() { Id = "notify-denial", Kind = StepKind.Notify, Name = "不予许可决定", Template = "notices/denial-decision", Next = Workflow.End },
    ];

    private static object Parse(FileKind kind, string text)
    {
        var diagnostics = new DiagnosticBag();
        var model = DefinitionFile.Parse(kind, text, "<starter>/" + kind.Glob, new SourceMap(), diagnostics);
        if (model is null || diagnostics.HasErrors) throw new InvalidOperationException("starter does not parse: " + string.Join("; ", diagnostics.Items));
        return model;
    }

    private const string GuideText = """
        name: 新事项
        main-item: 新事项
        handling-case: new
        base-code: "000000000000"
        implementation-code: 待补充实施编码
        type: licensing
        department: placeholder
        levels:
          - county
        basis:
          - kind: law
            title: 待补充设定依据
        handling-type: promised
        limits:
          statutory: 20wd
          promised: 15wd
        acceptance-conditions:
          - 待补充受理条件
        fee:
          charged: false
        process:
          window:
            - 申请人到综合受理窗口提交申请材料
            - 窗口受理后由实施部门审查并作出决定
        visits: 1
        visits-reason: 提交申请材料
        online-depth:
          - consult
        service:
          online: false
          online-payment: false
          courier: false
          appointment: false
          self-service: false
          in-hall: true
          tongban: none
        locations:
          - name: 政务服务中心
            address: 待补充办理地址
        consult-phone: 待补充
        complaint-phone: "12345"
        result:
          type: approval
          name: 办理结果
          delivery:
            - window
        """;

    private const string MaterialsText = """
        - id: id-card
          name: 申请人身份证明
          kind: original
          form: paper
          copies: 1
          necessity: required
          source: applicant
          standard: 原件与申请人一致，在有效期内
        """;

    private const string FormText = """
        applicant-types:
          - person
          - organization
        fields:
          - id: contactPhone
            label: 联系电话
            type: phone
            required: true
        """;
}
