using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Handlers;

/// <summary>撤回, ad-hoc notices, 好差评 and its 整改.</summary>
internal static class ClosingHandler
{
    public static void Withdraw(CaseTransaction tx, Withdraw command)
    {
        Guard.NotClosed(tx, "撤回");
        Guard.Text(command.Reason, "撤回理由");
        foreach (var task in tx.State.ActiveTasks.ToList()) tx.Emit(new TaskCancelled(task.Id, "申请人撤回 (withdrawn)"));
        if (tx.State.ActiveProcedure is { } procedure) ProcedureHandler.Leave(tx, procedure.TokenId);
        tx.Emit(new CaseWithdrawn(command.Reason, command.By.UserId));
    }

    /// <summary>受理通知书, 不予受理通知书... may be issued in any status, also after the case closed.</summary>
    public static void Issue(CaseTransaction tx, IssueDocument command)
    {
        Guard.Text(command.TemplateId, "模板");
        DocumentIntents.Issue(tx, command.TemplateId, stepId: null);
    }

    /// <summary>好差评: one rating per case (国办发〔2019〕51号).</summary>
    public static void Evaluate(CaseTransaction tx, Evaluate command)
    {
        if (tx.State.Evaluation is not null) throw Fail.AlreadyEvaluated();
        if (!Enum.IsDefined(command.Level)) throw Fail.Invalid("评价等级无效 (unknown rating level)");
        tx.Emit(new CaseEvaluated(command.Level, command.Comment, command.By));
        if (tx.State.Evaluation!.IsBad)
            tx.Emit(new RectificationOpened(tx.Today, tx.Deadlines.Due(tx.Today, tx.Deadlines.RectificationLimit)));
    }

    /// <summary>差评整改: the department's report closes the rectification (the case itself may be long closed).</summary>
    public static void Rectify(CaseTransaction tx, Rectify command)
    {
        if (tx.State.Rectification is not { IsOpen: true }) throw Fail.NoOpenRectification();
        Guard.Text(command.Measures, "整改情况");
        tx.Emit(new RectificationCompleted(command.Measures, command.By.UserId));
    }
}
