using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Materials;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>
/// 告知承诺 (国办发〔2020〕42号): the applicant's choice at intake (the 告知承诺书 is issued, the proofs are
/// not asked for), the 核查 after the decision, and 撤销 when the pledge proves false (行政许可法 art. 69).
/// </summary>
internal static class PledgeHandler
{
    /// <summary>The step id of the 核查 task: not a workflow step, so 办结 and routing leave it alone.</summary>
    public const string CheckStepId = "pledge-check";
    public const string PledgeTemplate = "notices/pledge";
    public const string RevocationTemplate = "notices/revocation";
    public const string RevocationBasis = "《中华人民共和国行政许可法》第六十九条第二款";

    public static bool IsCheckTask(CaseTask task) => task.StepId == CheckStepId;

    public static void Choose(CaseTransaction tx, ChoosePledge command)
    {
        Guard.StatusIs(tx, "选择告知承诺", CaseStatus.Received);
        if (tx.State.Pledge is not null) throw Fail.PledgeAlreadyChosen();
        var scheme = tx.Item.Guide?.Pledge
            ?? throw Fail.PledgeNotAllowed($"事项「{tx.Item.Guide?.Name ?? tx.Item.Id}」未实行告知承诺 (the item offers no pledge)");
        // DOMAIN §3: an earlier false pledge or a 失信 record excludes the applicant.
        if (command.ApplicantCredit is { } mark) throw Fail.ApplicantCreditExcluded("告知承诺", mark);
        var ids = command.MaterialIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0) throw Fail.PledgeNotAllowed("告知承诺须列出以承诺代替的材料 (list the materials the pledge replaces)");
        foreach (var id in ids)
        {
            var material = Checklist.Find(tx, id);
            if (material.Pledge != true || !scheme.Materials.Contains(id))
                throw Fail.PledgeNotAllowed($"{material.Name} 不适用告知承诺，须提交材料 (the material may not be replaced by a pledge)");
            if (tx.State.MaterialStatusOf(id) == MaterialStatus.Received)
                throw Fail.PledgeNotAllowed($"{material.Name} 已收取，无需承诺 (the material was received)");
        }

        tx.Emit(new PledgeChosen(ids, tx.Today, command.By.UserId));
        DocumentIntents.Issue(tx, PledgeTemplate, stepId: null);
    }

    /// <summary>With a grant, the department's 核查 task, due after the office's check period (clock.pledge-check-period).</summary>
    public static void OpenCheck(CaseTransaction tx)
    {
        if (tx.State.Pledge is not { CheckTaskId: null }) return;
        var department = tx.Item.Guide?.Department ?? throw Fail.Workflow($"事项 {tx.Item.Id} 没有实施主体 (the item has no department)");
        var due = tx.Deadlines.Due(tx.Today, tx.Deadlines.PledgeCheckPeriod);
        var taskId = tx.NextTaskId();
        tx.Emit(new TaskCreated(taskId, CheckStepId, "告知承诺核查", TokenId: "", IsCountersign: false, SignMode.All,
            [new Signer(new TaskAssignee(Department: department))], tx.Today, due)
        {
            DueProvisional = tx.Deadlines.IsProvisional(due),
        });
        tx.Emit(new PledgeCheckOpened(taskId, due));
    }

    public static void Check(CaseTransaction tx, CheckPledge command)
    {
        if (tx.State.Pledge is not { } pledge) throw Fail.NoPledgeCheck("本件未实行告知承诺，没有核查 (the case has no pledge)");
        var task = tx.State.Task(command.TaskId);
        if (task is null || !IsCheckTask(task) || task.Id != pledge.CheckTaskId)
            throw Fail.NoPledgeCheck($"任务 {command.TaskId} 不是本件的告知承诺核查任务 (not the pledge check task)");
        if (!task.IsActive) throw Fail.NoPledgeCheck("告知承诺已核查 (the pledge was already checked)");
        Guard.NotRevoked(tx, "核查");
        Guard.MayWorkOn(task, command.By);
        var findings = command.Findings?.Trim();
        if (!command.Truthful && string.IsNullOrEmpty(findings)) throw Fail.RevocationNeedsReasons();
        var approver = command.Approver?.Trim();
        if (!command.Truthful && string.IsNullOrEmpty(approver)) throw Fail.RevocationNeedsApproval();

        tx.Emit(new TaskCompleted(task.Id, command.Truthful ? "pledge-true" : "pledge-false", findings, command.By.UserId));
        tx.Emit(new PledgeChecked(command.Truthful, findings, command.By.UserId, tx.Today));
        if (command.Truthful) return;

        // A false pledge: whatever is still open ends with the revoked decision.
        foreach (var open in tx.State.ActiveTasks.ToList()) tx.Emit(new TaskCancelled(open.Id, "准予决定已撤销 (decision revoked)"));
        if (tx.State.ActiveProcedure is { } procedure) ProcedureHandler.Leave(tx, procedure.TokenId);
        var names = string.Join("、", pledge.MaterialIds.Select(id => Checklist.NameOf(tx, id)));
        tx.Emit(new DecisionRevoked([$"经核查，申请人以告知承诺代替的{names}与承诺内容不符：{findings}"], RevocationBasis, command.By.UserId, tx.Today)
        {
            Approver = approver,
        });
        DocumentIntents.Issue(tx, RevocationTemplate, stepId: null);
    }
}
