using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>
/// Definitions that would make the engine act against 行政许可法 (DOMAIN.md §3) are refused here,
/// before a case runs on them: an acceptance limit over art. 32's 5 working days while licensing
/// items exist, an extension cap above art. 42 without the special law that allows it, and a
/// 不予受理 or 补正 decided after acceptance (after 受理 only 准予 / 不予许可 are lawful, art. 38).
/// </summary>
public static class LawfulProcedureRules
{
    /// <summary>Art. 32: the acceptance decision within 5 working days of receipt.</summary>
    public const int StatutoryAcceptanceDays = 5;
    /// <summary>Art. 42: +10 working days; +15 for joint or concentrated handling (联办件).</summary>
    public const int StatutoryExtensionDays = 10;
    public const int JointExtensionDays = 15;

    /// <summary>The template of the 不予受理通知书: a decision on acceptance, never one after it.</summary>
    public const string RefusalTemplate = "notices/refusal";

    public static void CheckOffice(ValidationContext context)
    {
        var set = context.Set;
        if (set.Office?.Clock is not { AcceptanceLimit: { } limit } clock || context.IsBroken(set.Office)) return;
        var over = limit.Unit == DurationUnit.WorkingDays ? limit.Value > StatutoryAcceptanceDays : limit.Value > 7;
        if (!over) return;
        var licensing = set.Items.Where(i => i.Guide?.Type == ItemType.Licensing).Select(i => i.Guide!.Name).ToList();
        if (licensing.Count == 0) return;
        context.Error(DiagnosticCodes.AcceptanceLimitOverStatutory, clock, "AcceptanceLimit",
            $"受理期限 {limit} 超过行政许可法第三十二条规定的 5 个工作日，而 {string.Join("、", licensing.Take(3))}{(licensing.Count > 3 ? " 等" : "")}是行政许可事项 (the acceptance limit exceeds 5 working days for licensing items)");
    }

    public static void CheckGuide(ValidationContext context, Guide guide)
    {
        if (guide.Limits.Extension is not { } extension) return;
        var law = guide.HandlingType == HandlingType.Joint ? JointExtensionDays : StatutoryExtensionDays;
        if (extension.Max.Unit != DurationUnit.WorkingDays)
            context.Error(DiagnosticCodes.ExtensionCapWithoutLaw, extension, "Max",
                $"延期时限以工作日计（行政许可法第八十二条），应写作如 {law}wd (the extension cap is counted in working days)");
        else if (extension.Max.Value > law && string.IsNullOrWhiteSpace(extension.Basis))
            context.Error(DiagnosticCodes.ExtensionCapWithoutLaw, extension, "Max",
                $"延期 {extension.Max} 超过行政许可法第四十二条的 {law} 个工作日：须在 basis 中写明另有规定的法律、法规及条款 (an extension cap above the law needs the special law that sets it)");
    }

    /// <summary>
    /// Every step after the intake step runs on an accepted case: none of its outcomes may lead back
    /// to intake (a 补正 after acceptance) or to a 不予受理 notice, nor be named refuse or supplement.
    /// </summary>
    public static void CheckWorkflow(ValidationContext context, Workflow workflow)
    {
        var intake = workflow.Steps.FirstOrDefault(s => s.Kind == StepKind.Intake);
        if (intake is null) return;
        var refusalNotices = workflow.Steps
            .Where(s => s.Kind is StepKind.Notify or StepKind.Document && s.Template == RefusalTemplate)
            .Select(s => s.Id).ToHashSet();
        // 前台收件、后台受理: the department's acceptance step decides before acceptance, so its 补正 and
        // 不予受理 are lawful (AcceptanceSetUpRules checks that step).
        var backOffice = AcceptanceSetUpRules.BackOfficeStep(workflow)?.Id;
        foreach (var step in workflow.Steps.Where(s => s.Kind != StepKind.Intake && s.Id != backOffice))
        {
            foreach (var (outcome, target) in step.Outcomes)
            {
                string? why = target == intake.Id ? "退回受理环节补正"
                    : refusalNotices.Contains(target) ? "送达不予受理通知书"
                    : outcome is "refuse" or "supplement" ? $"办理结果「{Outcomes.Label(outcome)}」"
                    : null;
                if (why is null) continue;
                context.Error(DiagnosticCodes.DecisionOnAcceptanceAfterAcceptance, step.Outcomes, outcome,
                    $"步骤 {step.Id} 在受理之后，办理结果 {outcome} 不能{why}：受理后只能作出准予或不予许可决定（行政许可法第三十二条、第三十八条），不予许可须写明理由和救济途径 (no refusal or supplement after acceptance)");
            }
        }
    }
}
