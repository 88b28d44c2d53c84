using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.State;
using Workflows.Server.Auth;

namespace Workflows.Server.Api;

/// <summary>Who may ask for a command (see <see cref="Security.CaseCommandPolicy"/>), before the engine decides whether it fits the case.</summary>
public enum CommandGate
{
    /// <summary>受理 decisions at the intake window: accept, accept with deferral, refuse, 一次性告知.</summary>
    Intake,
    /// <summary>Other intake-window work while the case is open: 补正/容缺补交, 撤回.</summary>
    Window,
    /// <summary>出具通知书.</summary>
    Document,
    /// <summary>好差评.</summary>
    Evaluate,
    /// <summary>Work on an open task.</summary>
    Task,
    /// <summary>挂起, 恢复, 延期, 终止办理.</summary>
    Clock,
    /// <summary>差评整改.</summary>
    Rectify,
    /// <summary>催办.</summary>
    Urge,
    /// <summary>上传附件 (<c>POST /api/cases/{id}/files</c>, not a command of this table).</summary>
    Upload,
}

/// <summary>
/// The commands of <c>POST /api/cases/{id}/{command}</c>: the URL name, who may ask, and how the JSON
/// body becomes the engine's command. One table, so the OpenAPI text, the authorisation matrix
/// test and the handler cannot drift apart.
/// </summary>
public static class CaseCommands
{
    public sealed record Definition(string Name, string Summary, CommandGate Gate, Func<JsonArgs, CurrentUser, CaseState, CaseCommand?> Build);

    public static readonly IReadOnlyList<Definition> All =
    [
        new("accept", "受理", CommandGate.Intake, (a, u, s) => new Accept(u.Actor(Roles.Clerk))),
        new("accept-with-deferral", "容缺受理：容缺材料与补交期限", CommandGate.Intake, (a, u, s) =>
            new AcceptWithDeferral(u.Actor(Roles.Clerk), a.Strings("materialIds", required: true), a.Date("catchUpBy"), a.Bool("pledgeSigned"))),
        new("refuse", "不予受理：理由与有权机关", CommandGate.Intake, (a, u, s) =>
            new Refuse(u.Actor(Roles.Clerk), a.Strings("reasons", required: true), a.String("competentBody"))),
        new("request-supplement", "一次性告知补正材料", CommandGate.Intake, (a, u, s) =>
            new RequestSupplement(u.Actor(Roles.Clerk), Deficiencies(a, required: true))),
        new("supplement", "补正/容缺补交材料", CommandGate.Window, (a, u, s) =>
            new Supplement(u.Actor(Roles.Clerk), a.Strings("materialIds", required: true))),
        new("withdraw", "申请人撤回", CommandGate.Window, (a, u, s) => new Withdraw(u.Actor(Roles.Clerk), a.Required("reason"))),
        new("issue-document", "出具通知书", CommandGate.Document, (a, u, s) => new IssueDocument(u.Actor(Roles.Clerk), a.Required("templateId"))),
        new("evaluate", "好差评（五级）", CommandGate.Evaluate, (a, u, s) =>
            a.Enum<EvaluationLevel>("level", required: true) is { } level ? new Evaluate(level, a.String("comment"), a.String("by")) : null),
        new("claim", "认领任务", CommandGate.Task, (a, u, s) => TaskCommand(a, u, s, (actor, task) => new Claim(actor, task))),
        new("complete", "办理任务：结果与意见", CommandGate.Task, (a, u, s) =>
            TaskCommand(a, u, s, (actor, task) => new CompleteTask(actor, task, a.String("outcome"), a.String("opinion"),
                a.Body["deficiencies"] is null ? null : Deficiencies(a, required: false)) { Delivery = DeliveryOf(a) })),
        new("return", "退回到之前的步骤", CommandGate.Task, (a, u, s) =>
            TaskCommand(a, u, s, (actor, task) => new Return(actor, task, a.Required("targetStepId"), a.Required("reason")))),
        new("transfer", "转办", CommandGate.Task, (a, u, s) =>
            TaskCommand(a, u, s, (actor, task) => new Transfer(actor, task, Assignee(a, "to"), a.Required("reason")))),
        new("add-signer", "加签", CommandGate.Task, (a, u, s) =>
            TaskCommand(a, u, s, (actor, task) => new AddSigner(actor, task, Assignee(a, "signer"), a.Required("reason")))),
        new("suspend", "挂起或特别程序：批准人必填；写明法律依据才停止计时", CommandGate.Clock, (a, u, s) =>
            new Suspend(u.Actor(Roles.Head), a.Required("reason"), a.Enum<ProcedureKind>("procedure"), a.String("approver"), a.String("basis"))),
        new("resume", "恢复办理", CommandGate.Clock, (a, u, s) => new Resume(u.Actor(Roles.Head))),
        new("extend", "延期：工作日数与批准人", CommandGate.Clock, (a, u, s) =>
            a.Int("workingDays", required: true) is { } days ? new Extend(u.Actor(Roles.Head), days, a.Required("approver"), a.Required("reason")) : null),
        new("terminate", "终止办理：容缺材料逾期未补交（补交期限届满后、作出决定前），理由", CommandGate.Clock, (a, u, s) =>
            new Terminate(u.Actor(Roles.Head), a.Required("reason"))),
        new("rectify", "差评整改：整改情况", CommandGate.Rectify, (a, u, s) => new Rectify(u.Actor(Roles.Head), a.Required("measures"))),
        new("urge", "催办", CommandGate.Urge, (a, u, s) => new Urge(u.Actor(), a.String("taskId"), a.Required("message"))),
        new("choose-pledge", "告知承诺：申请人以书面承诺代替的证明材料（出具告知承诺书）", CommandGate.Intake, (a, u, s) =>
            new ChoosePledge(u.Actor(Roles.Clerk), a.Strings("materialIds", required: true))),
        new("check-pledge", "告知承诺核查：承诺属实，或不实（须写明负责人 approver 批准撤销；撤销决定、记入信用记录）", CommandGate.Task, (a, u, s) =>
            a.Bool("truthful", required: true) is { } truthful
                ? TaskCommand(a, u, s, (actor, task) => new CheckPledge(actor, task, truthful, a.String("findings")) { Approver = a.String("approver") })
                : null),
    ];

    public static Definition? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    private static CaseCommand? TaskCommand(JsonArgs a, CurrentUser user, CaseState state, Func<Actor, string, CaseCommand> build)
    {
        var taskId = a.Required("taskId");
        return a.Ok ? build(CaseAccess.ActorFor(user, state.Task(taskId)), taskId) : null;
    }

    private static IReadOnlyList<MaterialDeficiency> Deficiencies(JsonArgs a, bool required)
    {
        var list = new List<MaterialDeficiency>();
        foreach (var (o, i) in a.Objects("deficiencies", required).Select((o, i) => (o, i)))
        {
            var id = a.StringOf(o, "materialId", $"deficiencies[{i}].materialId", required: true);
            var kind = a.EnumOf<DeficiencyKind>(a.StringOf(o, "kind", $"deficiencies[{i}].kind", required: true), $"deficiencies[{i}].kind");
            if (id is not null && kind is { } k) list.Add(new MaterialDeficiency(id, k, a.StringOf(o, "note", $"deficiencies[{i}].note", required: false)));
        }
        if (required && list.Count == 0 && a.Ok) a.Error("deficiencies 不能为空：一次性告知须列出每一项缺少或有误的材料");
        return list;
    }

    /// <summary>送达 with the 统一出件 task: <c>delivery: {method: window|courier|electronic, trackingNumber, recipient}</c>.</summary>
    private static ResultDelivery? DeliveryOf(JsonArgs a)
    {
        if (a.Object("delivery") is not { } o) return null;
        var method = a.EnumOf<Delivery>(a.StringOf(o, "method", "delivery.method", required: true), "delivery.method");
        return method is { } m
            ? new ResultDelivery(m, a.StringOf(o, "trackingNumber", "delivery.trackingNumber", false), a.StringOf(o, "recipient", "delivery.recipient", false))
            : null;
    }

    private static TaskAssignee Assignee(JsonArgs a, string name)
    {
        var o = a.Object(name, required: true);
        if (o is null) return new TaskAssignee();
        var assignee = new TaskAssignee(a.StringOf(o, "department", name + ".department", false), a.StringOf(o, "role", name + ".role", false),
            a.StringOf(o, "window", name + ".window", false));
        if (assignee.Department is null && assignee.Window is null) a.Error($"{name} 需要 department 或 window");
        return assignee;
    }
}
