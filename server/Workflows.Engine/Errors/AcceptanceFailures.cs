namespace Workflows.Engine.Errors;

/// <summary>The acceptance set-ups and 容缺 (DOMAIN §3, §4).</summary>
internal static partial class Fail
{
    public static CaseRuleViolation AcceptanceByDepartment(string action, string stepName) =>
        With(ErrorCodes.AcceptanceByDepartment,
            $"本事项为前台收件、后台受理：窗口只收件，{action}由部门在「{stepName}」中决定 (front-desk receipt: the department decides acceptance)");

    public static CaseRuleViolation DeferralPledgeRequired(IEnumerable<string> names) =>
        With(ErrorCodes.DeferralPledgeRequired,
            $"容缺受理须申请人签署容缺承诺书：{string.Join("、", names)} 尚未收取，请签署承诺书后容缺受理，或一次性告知补正 (deferral needs the applicant's signed pledge)");

    public static CaseRuleViolation DeferralDeadlineOutOfBounds(DateOnly? chosen, DateOnly earliest, DateOnly latest) =>
        With(ErrorCodes.DeferralDeadlineOutOfBounds, earliest > latest
            ? $"按本中心的容缺规定，本件没有可选的补交期限（最早 {earliest:yyyy-MM-dd}，最晚 {latest:yyyy-MM-dd}），请一次性告知补正 (the office's deferral bounds leave no catch-up date for this case)"
            : $"容缺补交期限 {chosen:yyyy-MM-dd} 须在 {earliest:yyyy-MM-dd} 至 {latest:yyyy-MM-dd} 之间（本中心的容缺规定及承诺办结日） (the catch-up deadline must lie within the office's deferral bounds)");
}
