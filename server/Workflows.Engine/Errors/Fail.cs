using Workflows.Engine.State;

namespace Workflows.Engine.Errors;

/// <summary>Every domain error the engine raises is built here, so codes and wording stay consistent.</summary>
internal static partial class Fail
{
    private static CaseRuleViolation With(string code, string message) => new(new DomainError(code, message));

    public static CaseRuleViolation CaseNotFound() =>
        With(ErrorCodes.CaseNotFound, "办件不存在，请先收件 (no case: receive materials first)");

    public static CaseRuleViolation CaseAlreadyExists(string id) =>
        With(ErrorCodes.CaseAlreadyExists, $"办件 {id} 已存在 (the case already exists)");

    public static CaseRuleViolation Status(string action, CaseStatus status) =>
        With(ErrorCodes.NotAllowedInStatus, $"办件当前状态为{status.Label()}，不能{action} (not allowed in status {status})");

    public static CaseRuleViolation TaskNotFound(string taskId) =>
        With(ErrorCodes.TaskNotFound, $"任务 {taskId} 不存在 (task not found)");

    public static CaseRuleViolation NotTheAssignee(string taskId, string userId) =>
        With(ErrorCodes.NotTheAssignee, $"{userId} 不是任务 {taskId} 的办理人 (not the assignee)");

    public static CaseRuleViolation UnknownOutcome(string stepId, string? outcome, IEnumerable<string> allowed) =>
        With(ErrorCodes.UnknownOutcome, outcome is null
            ? $"步骤 {stepId} 须选择办理结果：{string.Join("、", allowed)} (an outcome is required)"
            : $"步骤 {stepId} 没有办理结果“{outcome}”，可选：{string.Join("、", allowed)} (unknown outcome)");

    public static CaseRuleViolation TaskNotOpen(string taskId, TaskState state) =>
        With(ErrorCodes.TaskNotOpen, $"任务 {taskId} 已{(state == TaskState.Completed ? "办结" : "取消")} (task already {state.ToString().ToLowerInvariant()})");

    public static CaseRuleViolation ClaimedByOther(string taskId, string claimedBy) =>
        With(ErrorCodes.ClaimedByOther, $"任务 {taskId} 已由 {claimedBy} 签收 (claimed by someone else)");

    public static CaseRuleViolation Invalid(string message) => With(ErrorCodes.InvalidArgument, message);

    public static CaseRuleViolation UnknownMaterial(string materialId) =>
        With(ErrorCodes.UnknownMaterial, $"事项没有材料 {materialId} (unknown material)");

    public static CaseRuleViolation RequiredMaterialsMissing(IEnumerable<string> names) =>
        With(ErrorCodes.RequiredMaterialsMissing, $"必要材料不齐：{string.Join("、", names)}，请一次性告知补正 (required materials missing)");

    public static CaseRuleViolation DeferralNotAllowed(string message) => With(ErrorCodes.DeferralNotAllowed, message);

    public static CaseRuleViolation OneTimeNoticeIncomplete(IEnumerable<string> names) =>
        With(ErrorCodes.OneTimeNoticeIncomplete, $"一次性告知须列出全部缺少或不合格的材料，遗漏：{string.Join("、", names)} (the one-time notice must list every missing material)");

    public static CaseRuleViolation OneTimeNoticeEmpty() =>
        With(ErrorCodes.OneTimeNoticeIncomplete, "补正告知须列出需补正的材料 (a supplement notice must list the materials)");

    public static CaseRuleViolation SupplementIncomplete(IEnumerable<string> names) =>
        With(ErrorCodes.SupplementIncomplete, $"补正材料仍不齐：{string.Join("、", names)} (supplement incomplete)");

    public static CaseRuleViolation Workflow(string message) => With(ErrorCodes.WorkflowInvalid, message);

    public static CaseRuleViolation NoBranchMatched(string stepId) =>
        With(ErrorCodes.NoBranchMatched, $"条件分支 {stepId} 没有成立的条件，也没有“其他情况” (no branch condition holds)");

    public static CaseRuleViolation RoutingLoop(string stepId) =>
        With(ErrorCodes.RoutingLoop, $"流程在 {stepId} 附近循环，未遇到人工步骤 (routing loops without a wait state)");

    public static CaseRuleViolation ReturnTarget(string stepId) =>
        With(ErrorCodes.ReturnTargetInvalid, $"不能退回到 {stepId}：只能退回到已经办理过的办理或会签步骤 (return only to an earlier task step)");

    public static CaseRuleViolation SubcaseNotSupported(string stepId) =>
        With(ErrorCodes.SubcaseNotSupported, $"步骤 {stepId} 为子办件，引擎尚不支持（一件事打包办理待实现） (subcase steps are not supported yet)");

    public static CaseRuleViolation ActivityFailed(string stepId, string? error) =>
        With(ErrorCodes.ActivityFailed, $"插件活动 {stepId} 执行失败：{error} (plugin activity failed)");

    public static CaseRuleViolation ProcedureNotListed(string procedure) =>
        With(ErrorCodes.ProcedureNotListed, $"办事指南未列出特别程序“{procedure}” (the guide lists no such excluded procedure)");

    public static CaseRuleViolation ProcedureAlreadyRunning(string running, string stepId) =>
        With(ErrorCodes.ProcedureAlreadyRunning, $"特别程序“{running}”尚未结束，步骤 {stepId} 不能再开始另一特别程序 (another excluded procedure is running)");

    public static CaseRuleViolation SuspensionNeedsApprover() =>
        With(ErrorCodes.SuspensionNeedsApprover, "挂起须由负责人批准，请填写批准人 (a suspension needs its approver)");

    public static CaseRuleViolation SuspendDuringProcedure(string running) =>
        With(ErrorCodes.SuspendDuringProcedure, $"特别程序“{running}”进行中，法定期限已停止计算，不能再挂起 (the clock already stands still for an excluded procedure)");

    public static CaseRuleViolation AlreadyEvaluated() =>
        With(ErrorCodes.AlreadyEvaluated, "该办件已评价 (the case was already evaluated)");

    public static CaseRuleViolation NoOpenRectification() =>
        With(ErrorCodes.NoOpenRectification, "本件没有待整改的差评 (no open rectification)");

    public static CaseRuleViolation TrackingNumberRequired() =>
        With(ErrorCodes.TrackingNumberRequired, "邮寄送达须填写快递单号 (a courier delivery needs its tracking number)");

    public static CaseRuleViolation AlreadySigned(string taskId, string signer) =>
        With(ErrorCodes.AlreadySigned, $"{signer} 已在任务 {taskId} 签署 (already signed)");
}
