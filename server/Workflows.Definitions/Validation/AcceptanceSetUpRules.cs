using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>
/// The two lawful acceptance set-ups (DOMAIN §3). 委托受理 (the default, <c>acceptance: window</c>)
/// needs nothing more. 前台收件、后台受理 (<c>acceptance: back-office</c> on the intake step) needs the
/// department's acceptance decision as the very next step: a task of the item's own department,
/// timed by the acceptance limit (art. 32, no step limit of its own), whose outcomes are only
/// <c>accept</c> (on to the review), <c>supplement</c> (back to the window's intake step, the
/// one-time notice) and <c>refuse</c> (the 不予受理通知书).
/// </summary>
public static class AcceptanceSetUpRules
{
    public const string Accept = "accept";
    public const string Supplement = "supplement";
    public const string Refuse = "refuse";

    /// <summary>The department's acceptance step of a 前台收件、后台受理 workflow, else null.</summary>
    public static Step? BackOfficeStep(Workflow workflow)
    {
        var intake = workflow.Steps.FirstOrDefault(s => s.Kind == StepKind.Intake);
        if (intake?.Acceptance != AcceptanceSetUp.BackOffice || intake.Next is not { } next) return null;
        return workflow.Steps.FirstOrDefault(s => s.Id == next);
    }

    public static void Check(ValidationContext context, ItemDefinition item, Workflow workflow)
    {
        foreach (var other in workflow.Steps.Where(s => s.Kind != StepKind.Intake && s.Acceptance is not null))
            Error(context, other, "Acceptance", $"只有受理步骤可以设置受理方式，步骤 '{other.Id}' 不是受理步骤 (only the intake step has an acceptance set-up)");

        var intake = workflow.Steps.FirstOrDefault(s => s.Kind == StepKind.Intake);
        if (intake?.Acceptance != AcceptanceSetUp.BackOffice) return;
        if (intake.Next is null || intake.Outcomes.Count > 0)
        {
            Error(context, intake, "Acceptance", "前台收件、后台受理：受理步骤只收件，须以 next 指向部门的受理决定步骤，不能有 outcomes (back-office acceptance: the intake step receives and goes next to the department's acceptance step)");
            return;
        }

        if (BackOfficeStep(workflow) is not { } step) return; // an unknown next is WF2xxx already
        var department = item.Guide?.Department;
        if (step.Kind != StepKind.Task || step.By?.Department is null || (department is not null && step.By.Department != department))
        {
            Error(context, step, "Kind", $"前台收件、后台受理：受理后的第一步 '{step.Id}' 须是本事项部门（{department}）的办理任务，由部门作出受理决定 (the step after intake must be a task of the item's department)");
            return;
        }
        if (step.Limit is not null)
            Error(context, step, "Limit", $"受理决定步骤 '{step.Id}' 的期限就是受理期限（行政许可法第三十二条，office.yaml clock.acceptance-limit），不能另设 limit (the acceptance step is timed by the acceptance limit)");
        if (!step.Outcomes.ContainsKey(Accept))
            Error(context, step, "Outcomes", $"受理决定步骤 '{step.Id}' 须有办理结果 accept（受理） (the acceptance step needs an accept outcome)");

        var refusalNotices = workflow.Steps
            .Where(s => s.Kind is StepKind.Notify or StepKind.Document && s.Template == LawfulProcedureRules.RefusalTemplate)
            .Select(s => s.Id).ToHashSet();
        foreach (var (outcome, target) in step.Outcomes)
        {
            var why = outcome switch
            {
                Accept when target == intake.Id || refusalNotices.Contains(target) => "受理后应进入审查，不能回到受理窗口或送达不予受理通知书",
                Accept => null,
                Supplement when target != intake.Id => $"补正须回到受理步骤 '{intake.Id}'，由窗口出具一次性告知书并收取补正材料",
                Supplement => null,
                Refuse when !refusalNotices.Contains(target) => $"不予受理须送达不予受理通知书（{LawfulProcedureRules.RefusalTemplate}）",
                Refuse => null,
                _ => "受理决定只能是 accept（受理）、supplement（补正）或 refuse（不予受理）",
            };
            if (why is not null)
                context.Error(DiagnosticCodes.AcceptanceSetUpInvalid, step.Outcomes, outcome, $"受理决定步骤 '{step.Id}' 的办理结果 {outcome}：{why} (invalid outcome of the acceptance step)");
        }
    }

    private static void Error(ValidationContext context, Step step, string member, string message) =>
        context.Error(DiagnosticCodes.AcceptanceSetUpInvalid, step, member, message);
}
