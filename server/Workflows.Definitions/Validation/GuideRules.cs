using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>The guide's domain rules: limits, fees, visits, codes, acceptance conditions.</summary>
public static class GuideRules
{
    // Catch-all clauses are forbidden in acceptance conditions (政务服务事项实施清单 requirements).
    private static readonly string[] CatchAllClauses = ["其他条件", "其他材料", "等有关材料", "相关部门要求的", "法律法规规定的其他"];

    public static void Check(ValidationContext context, Guide guide)
    {
        var limits = guide.Limits;
        if (limits.Promised > limits.Statutory)
            context.Error(DiagnosticCodes.PromisedExceedsStatutory, limits, "Promised",
                $"承诺时限 {limits.Promised} 超过法定时限 {limits.Statutory} (promised limit exceeds the statutory limit)");
        if (guide.HandlingType == HandlingType.Immediate && limits.Promised.Value > 1)
            context.Error(DiagnosticCodes.ImmediateWithLimit, limits, "Promised",
                $"即办件应当场办结，承诺时限应为 0wd（或至多 1wd），现为 {limits.Promised} (an immediate item is handled on the spot)");
        if (guide.Fee.Charged && guide.Fee.Items.Count == 0)
            context.Error(DiagnosticCodes.FeeInconsistent, guide.Fee, "Charged", "收费事项须列出收费项目（名称、标准、依据） (a charged item lists its fees)");
        if (!guide.Fee.Charged && guide.Fee.Items.Count > 0)
            context.Error(DiagnosticCodes.FeeInconsistent, guide.Fee, "Items", "charged: false（不收费）却列出了收费项目 (fees listed on an item that charges nothing)");
        if (guide.Visits > 0 && string.IsNullOrWhiteSpace(guide.VisitsReason))
            context.Error(DiagnosticCodes.VisitsWithoutReason, guide, "Visits", $"到现场次数为 {guide.Visits} 时须说明原因 visits-reason (a reason is required when visits > 0)");
        if (guide.Visits < 0)
            context.Error(DiagnosticCodes.InvalidRange, guide, "Visits", "到现场次数不能为负数 (visits cannot be negative)");
        if (guide.DelegatingBody?.Uscc is { } uscc)
            OfficeRules.CheckUscc(context, guide.DelegatingBody, "Uscc", uscc);
        for (var i = 0; i < guide.AcceptanceConditions.Count; i++)
        {
            var condition = guide.AcceptanceConditions[i];
            if (CatchAllClauses.FirstOrDefault(condition.Contains) is { } clause)
                context.Warning(DiagnosticCodes.InvalidValue, guide.AcceptanceConditions, i.ToString(),
                    $"受理条件不应含兜底条款「{clause}」，请写明具体条件 (no catch-all clauses in acceptance conditions)");
        }
        if (guide.IsRetired && string.IsNullOrWhiteSpace(guide.StatusNote))
            context.Warning(DiagnosticCodes.MissingKey, guide, "Status", "事项已停用，请在 status-note 中说明停用原因和日期 (say why the item was retired)");
        if (guide.Result.Type == ResultType.Certificate && guide.Result.Template is null)
            context.Warning(DiagnosticCodes.UnknownTemplate, guide.Result, null, "结果为证照，但未指定证照模板 template (a certificate result names its template)");
    }
}
