using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Materials;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>补正: the one-time notice and the applicant's answer to it; also late deferred materials (容缺补交).</summary>
internal static class SupplementHandler
{
    public static void Request(CaseTransaction tx, RequestSupplement command)
    {
        if (tx.State.IsClosed || !(tx.State.Status == CaseStatus.Received || tx.State.Status.IsRunning()))
            throw Fail.Status("一次性告知补正", tx.State.Status);
        if (tx.State.Status == CaseStatus.Received) BackOfficeAcceptance.RefuseWindowDecision(tx, "一次性告知补正");
        ValidateNotice(tx, command.Deficiencies);
        tx.Emit(new SupplementRequested(command.Deficiencies, command.By.UserId, tx.Today, BeforeAcceptance: tx.State.Status == CaseStatus.Received)
        {
            RepeatsOneTimeNotice = tx.State.SupplementHistory.Count > 0,
        });
    }

    /// <summary>
    /// 一次性告知 (art. 32): the notice must name every required material the window does not hold
    /// in good order, not just some of them.
    /// </summary>
    internal static void ValidateNotice(CaseTransaction tx, IReadOnlyList<MaterialDeficiency>? deficiencies)
    {
        if (deficiencies is null || deficiencies.Count == 0) throw Fail.OneTimeNoticeEmpty();
        foreach (var deficiency in deficiencies) Checklist.Find(tx, deficiency.MaterialId);
        var listed = deficiencies.Select(d => d.MaterialId).ToHashSet();
        var forgotten = Checklist.NotInHand(tx, Necessity.Required).Where(m => !listed.Contains(m.Id)).ToList();
        if (forgotten.Count > 0) throw Fail.OneTimeNoticeIncomplete(forgotten.Select(m => m.Name));
    }

    public static void Supplement(CaseTransaction tx, Supplement command)
    {
        Guard.NotClosed(tx, "补正");
        if (command.MaterialIds.Count == 0) throw Fail.Invalid("须列出补交的材料 (list the materials brought in)");
        foreach (var id in command.MaterialIds) Checklist.Find(tx, id);

        if (tx.State.OpenSupplement is not { } notice)
        {
            CatchUpDeferred(tx, command);
            return;
        }

        var brought = command.MaterialIds.ToHashSet();
        var stillMissing = notice.Deficiencies.Where(d => !brought.Contains(d.MaterialId)).ToList();
        if (stillMissing.Count > 0) throw Fail.SupplementIncomplete(stillMissing.Select(d => Checklist.NameOf(tx, d.MaterialId)));

        tx.Emit(new MaterialsSupplemented(command.MaterialIds, command.By.UserId, tx.Today));
        if (notice.BeforeAcceptance)
        {
            // The acceptance decision is due again within the acceptance limit, counted from the complete materials.
            var paused = tx.Deadlines.WorkingDaysBetween(notice.RequestedOn, tx.Today);
            var acceptanceDue = tx.Deadlines.Due(tx.Today, tx.Deadlines.AcceptanceLimit);
            tx.Emit(new ClockResumed(PauseReason.Supplement, tx.Today, paused, 0, CaseStatus.Received,
                acceptanceDue, null, null, [], [])
            {
                AcceptanceDueProvisional = tx.Deadlines.IsProvisional(acceptanceDue),
            });
            // 前台收件、后台受理: the complete materials go back to the department for its decision.
            if (BackOfficeAcceptance.StepOf(tx) is not null) IntakeHandler.LeaveIntake(tx);
            return;
        }

        ClockHandler.ResumeClock(tx, PauseReason.Supplement, notice.RequestedOn, CaseStatus.InProgress);
        IntakeHandler.LeaveIntake(tx);
    }

    /// <summary>Without a notice outstanding, materials brought in are deferred ones caught up (or extra ones at the window).</summary>
    private static void CatchUpDeferred(CaseTransaction tx, Supplement command)
    {
        var alreadyReceived = command.MaterialIds.Where(id => tx.State.MaterialStatusOf(id) == MaterialStatus.Received).ToList();
        if (alreadyReceived.Count > 0)
            throw Fail.Invalid($"材料已收取：{string.Join("、", alreadyReceived.Select(id => Checklist.NameOf(tx, id)))} (already received)");
        tx.Emit(new MaterialsSupplemented(command.MaterialIds, command.By.UserId, tx.Today));
    }
}
