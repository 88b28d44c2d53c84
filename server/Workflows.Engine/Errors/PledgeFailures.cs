using Workflows.Engine.State;

namespace Workflows.Engine.Errors;

/// <summary>告知承诺 and the credit record (国办发〔2020〕42号, DOMAIN §3).</summary>
internal static partial class Fail
{
    public static CaseRuleViolation PledgeNotAllowed(string message) => With(ErrorCodes.PledgeNotAllowed, message);

    public static CaseRuleViolation PledgeAlreadyChosen() =>
        With(ErrorCodes.PledgeAlreadyChosen, "申请人已选择告知承诺，承诺书已出具 (the pledge was already chosen)");

    public static CaseRuleViolation ApplicantCreditExcluded(string what, CreditMark mark) =>
        With(ErrorCodes.ApplicantCreditExcluded,
            $"申请人有{mark.Label}记录（{mark.MarkedOn:yyyy-MM-dd}{(mark.CaseNumber is { } n ? "，办件 " + n : "")}：{mark.Reason}），不适用{what}，请提交全部证明材料 (the applicant's credit record excludes {(what == "容缺受理" ? "deferral" : "the pledge")})");

    public static CaseRuleViolation NoPledgeCheck(string message) => With(ErrorCodes.NoPledgeCheck, message);

    public static CaseRuleViolation RevocationNeedsApproval() =>
        With(ErrorCodes.RevocationNeedsApproval, "撤销行政许可须经本机关负责人批准，请填写批准人 (a revocation needs the head's approval: name the approver)");

    public static CaseRuleViolation RevocationNeedsReasons() =>
        With(ErrorCodes.RevocationNeedsReasons, "承诺不实须写明核查发现的事实，作为撤销决定的理由 (a false pledge needs the findings as the revocation's reasons)");
}
