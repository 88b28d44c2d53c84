using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>
/// 特别程序 (行政许可法 art. 45) belong to the step that does the work: the step names the kind, the
/// legal basis and the announced duration, and the guide publishes the same procedure. A notify step
/// that only sends the 特别程序告知书 (and leaves the work to an ordinary task with the clock
/// running) is the defect issue 12 found, so it is refused.
/// </summary>
public static class ExcludedProcedureRules
{
    public static void Check(ValidationContext context, ItemDefinition item, Workflow workflow)
    {
        foreach (var step in workflow.Steps)
        {
            if (step.Kind is StepKind.Notify or StepKind.Document && step.Template == StepProcedure.DefaultTemplate)
                context.Error(DiagnosticCodes.ProcedureNoticeWithoutProcedure, step, "Template",
                    $"步骤 '{step.Id}' 只送达特别程序告知书：特别程序应写在办理该程序的步骤上（procedure: kind、basis、duration），进入该步骤时自动告知并停止计时 (the special-procedure notice belongs to the step that runs the procedure)");
            if (step.Procedure is { } procedure) CheckProcedure(context, item, step, procedure);
        }
    }

    private static void CheckProcedure(ValidationContext context, ItemDefinition item, Step step, StepProcedure procedure)
    {
        if (step.Kind is not (StepKind.Task or StepKind.Countersign))
        {
            context.Error(DiagnosticCodes.ProcedureOnWrongStep, step, "Procedure",
                $"特别程序只能写在办理或会签步骤上，步骤 '{step.Id}' 是{Mapping.ScalarCodec.Describe(step.Kind)}步骤 (an excluded procedure belongs on a task or countersign step)");
            return;
        }
        if (string.IsNullOrWhiteSpace(procedure.Basis))
            context.Error(DiagnosticCodes.ProcedureIncomplete, procedure, "Kind",
                $"特别程序须写明法律依据 basis（规定该程序的法律、法规及条款），否则不能停止法定期限计时 (an excluded procedure needs its legal basis)");
        if (procedure.Duration is not { Value: > 0 } duration)
        {
            context.Error(DiagnosticCodes.ProcedureIncomplete, procedure, procedure.Duration is null ? "Kind" : "Duration",
                $"特别程序须写明告知申请人的所需时间 duration，如 10wd（行政许可法第四十五条） (an excluded procedure needs its announced duration)");
            return;
        }
        if (step.Limit is not null)
            context.Warning(DiagnosticCodes.StepFieldMisplaced, step, "Limit",
                $"特别程序步骤的时限就是告知的所需时间 {duration}，limit 不起作用 (the announced duration is the step's limit)");
        if (context.IsBroken(item.Guide) || item.Guide is not { } guide) return;
        var listed = guide.ExcludedProcedures.FirstOrDefault(p => p.Kind == procedure.Kind);
        if (listed is null)
            context.Error(DiagnosticCodes.ProcedureNotInGuide, procedure, "Kind",
                $"办事指南的 excluded-procedures 没有列出{Mapping.ScalarCodec.Describe(procedure.Kind)}：申请人须能在指南中看到此特别程序 (the guide does not publish this excluded procedure)");
        else if (listed.Max is { } max && duration > max)
            context.Error(DiagnosticCodes.ProcedureNotInGuide, procedure, "Duration",
                $"告知时长 {duration} 超过办事指南公布的最长时限 {max} (the announced duration exceeds the guide's maximum)");
        else if (listed.Counted)
            context.Error(DiagnosticCodes.ProcedureNotInGuide, procedure, "Kind",
                $"办事指南写明{listed.Name}的时间计入办理时限（counted: true），与停止计时的特别程序步骤矛盾 (the guide counts this procedure's time)");
    }
}
