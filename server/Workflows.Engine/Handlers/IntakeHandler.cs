using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Graph;
using Workflows.Engine.Materials;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>收件, 受理 (with or without 容缺) and 不予受理 at the window (行政许可法 art. 32).</summary>
internal static class IntakeHandler
{
    public static void Receive(CaseTransaction tx, ReceiveMaterials command)
    {
        if (tx.StateOrNull is { } existing) throw Fail.CaseAlreadyExists(existing.Id);
        Guard.Text(command.CaseId, "办件标识");
        Guard.Text(command.Number, "办件编号");
        Guard.Text(command.Applicant?.Name, "申请人名称");
        Guard.Text(command.Applicant?.IdNumber, "申请人证件号码");
        var first = tx.Workflow.Start;
        foreach (var material in command.Materials) Checklist.Find(tx, material.MaterialId);
        // A pledge is the applicant's recorded choice (ChoosePledge, with its 告知承诺书), never a status typed in at receipt.
        if (command.Materials.FirstOrDefault(m => m.Status == MaterialStatus.Pledged) is { } pledged)
            throw Fail.PledgeNotAllowed($"{Checklist.NameOf(tx, pledged.MaterialId)}：告知承诺须由申请人选择并出具告知承诺书，收件时不能直接标为已承诺 (choose the pledge after receipt)");

        var acceptanceDue = tx.Deadlines.Due(tx.Today, tx.Deadlines.AcceptanceLimit);
        tx.Emit(new CaseReceived(
            command.CaseId, command.Number, tx.Item.Id, tx.Context.Item.Version, command.Applicant!,
            command.FormData, command.Materials, tx.Today, acceptanceDue, command.By.UserId)
        {
            AcceptanceDueProvisional = tx.Deadlines.IsProvisional(acceptanceDue),
        });
        tx.Router.Start(first, fork: null);
    }

    public static void Accept(CaseTransaction tx, Accept command)
    {
        Guard.StatusIs(tx, "受理", CaseStatus.Received);
        BackOfficeAcceptance.RefuseWindowDecision(tx, "受理");
        RequireAcceptable(tx, pledgeSigned: false);
        AcceptOn(tx, tx.Today, command.By.UserId, byLapse: false);
        LeaveIntake(tx);
    }

    public static void AcceptWithDeferral(CaseTransaction tx, AcceptWithDeferral command)
    {
        Guard.StatusIs(tx, "容缺受理", CaseStatus.Received);
        BackOfficeAcceptance.RefuseWindowDecision(tx, "容缺受理");
        // DOMAIN §3: applicants with a 失信 record or an earlier false pledge are excluded from 容缺.
        if (command.ApplicantCredit is { } mark) throw Fail.ApplicantCreditExcluded("容缺受理", mark);
        if (command.DeferredMaterialIds.Count == 0) throw Fail.DeferralNotAllowed("容缺受理须列出容缺的材料 (list the deferred materials)");
        foreach (var id in command.DeferredMaterialIds)
        {
            var material = Checklist.Find(tx, id);
            if (material.Necessity != Necessity.Deferrable)
                throw Fail.DeferralNotAllowed($"{material.Name} 不是可容缺材料 (the material is not deferrable)");
            if (tx.State.MaterialStatusOf(id) == MaterialStatus.Received)
                throw Fail.DeferralNotAllowed($"{material.Name} 已收取，无需容缺 (the material was received)");
        }

        RequireRequiredMaterials(tx);
        // DOMAIN §3: the deferral notice may say a pledge was signed only if it was, and without one there is no 容缺.
        if (!command.PledgeSigned) throw Fail.DeferralPledgeRequired(command.DeferredMaterialIds.Select(id => Checklist.Find(tx, id).Name));
        // The office's bounds (office.yaml clock.deferral-min, -max, -margin): checked before anything is recorded.
        var earliest = tx.Deadlines.EarliestCatchUp(tx.Today);
        var latest = tx.Deadlines.LatestCatchUp(tx.Today, tx.Deadlines.Due(tx.Today, Limits(tx).Promised));
        if (earliest > latest || command.CatchUpBy is { } catchUp && (catchUp > latest || catchUp < earliest))
            throw Fail.DeferralDeadlineOutOfBounds(command.CatchUpBy, earliest, latest);

        AcceptOn(tx, tx.Today, command.By.UserId, byLapse: false);
        DeferMissing(tx, command.CatchUpBy, command.PledgeSigned, earliest);
        LeaveIntake(tx);
    }

    /// <summary>
    /// Art. 32: no decision within the acceptance limit means the application counts as accepted on
    /// the day the materials were received, so every due date counts from the receipt day.
    /// </summary>
    public static void AcceptByLapse(CaseTransaction tx)
    {
        // After a timely 补正 the acceptance clock restarted from the complete materials, so a lapse
        // then counts as acceptance on the day they were re-submitted, not on the first receipt.
        var resubmitted = tx.State.SupplementHistory.LastOrDefault(n => n.BeforeAcceptance && n.SupplementedOn is not null)?.SupplementedOn;
        AcceptOn(tx, resubmitted ?? tx.State.Clocks.ReceivedOn, "system:acceptance-clock", byLapse: true);
        DeferMissing(tx, explicitCatchUp: null, pledgeSigned: false, earliest: null);
        LeaveIntake(tx);
        BackOfficeAcceptance.LeaveByLapse(tx);
    }

    public static void Refuse(CaseTransaction tx, Refuse command)
    {
        var beforeAcceptance = tx.State.Status == CaseStatus.Received
            || tx.State.OpenSupplement is { BeforeAcceptance: true };
        if (tx.State.IsClosed || !beforeAcceptance) throw Fail.Status("不予受理", tx.State.Status);
        BackOfficeAcceptance.RefuseWindowDecision(tx, "不予受理");
        var reasons = command.Reasons.Where(r => !string.IsNullOrWhiteSpace(r)).ToList();
        if (reasons.Count == 0) throw Fail.Invalid("不予受理须写明理由 (reasons are required)");
        tx.Emit(new CaseRefused(reasons, command.CompetentBody, command.By.UserId, tx.Today));
    }

    private static Limits Limits(CaseTransaction tx) =>
        tx.Item.Guide?.Limits ?? throw Fail.Workflow($"事项 {tx.Item.Id} 没有办事指南时限 (the item has no limits)");

    private static void RequireRequiredMaterials(CaseTransaction tx)
    {
        var missing = Checklist.NotInHand(tx, Necessity.Required);
        if (missing.Count > 0) throw Fail.RequiredMaterialsMissing(missing.Select(m => m.Name));
    }

    /// <summary>
    /// A plain 受理: every required material in hand, and every deferrable one too unless the
    /// applicant signed the 容缺 pledge (a deferral without one is not lawful, DOMAIN §3).
    /// </summary>
    internal static void RequireAcceptable(CaseTransaction tx, bool pledgeSigned)
    {
        RequireRequiredMaterials(tx);
        var deferrable = Checklist.NotInHand(tx, Necessity.Deferrable);
        if (!pledgeSigned && deferrable.Count > 0) throw Fail.DeferralPledgeRequired(deferrable.Select(m => m.Name));
    }

    internal static void AcceptOn(CaseTransaction tx, DateOnly acceptedOn, string by, bool byLapse)
    {
        var limits = Limits(tx);
        var statutoryDue = tx.Deadlines.Due(acceptedOn, limits.Statutory);
        var promisedDue = tx.Deadlines.Due(acceptedOn, limits.Promised);
        tx.Emit(new CaseAccepted(acceptedOn, limits.Statutory, limits.Promised, statutoryDue, promisedDue, by, byLapse)
        {
            DueProvisional = tx.Deadlines.IsProvisional(statutoryDue) || tx.Deadlines.IsProvisional(promisedDue),
        });
    }

    /// <summary>
    /// 容缺: each missing deferrable material gets a catch-up date, never later than the promised due
    /// date and the office's bounds (DOMAIN §4); a material's own default is raised to the office's
    /// shortest period when the window accepted (a deemed acceptance has no window to choose).
    /// </summary>
    private static void DeferMissing(CaseTransaction tx, DateOnly? explicitCatchUp, bool pledgeSigned, DateOnly? earliest)
    {
        var acceptedOn = tx.State.Clocks.AcceptedOn!.Value;
        var promisedDue = tx.Deadlines.LatestCatchUp(acceptedOn, tx.State.Clocks.PromisedDue!.Value);
        var deferred = Checklist.NotInHand(tx, Necessity.Deferrable)
            .Select(m =>
            {
                var catchUp = explicitCatchUp ?? tx.Deadlines.Due(acceptedOn, m.DeferralLimit ?? tx.State.Clocks.PromisedLimit!.Value);
                if (earliest is { } floor && catchUp < floor) catchUp = floor;
                return new DeferredMaterial(m.Id, catchUp < promisedDue ? catchUp : promisedDue);
            })
            .ToList();
        if (deferred.Count > 0) tx.Emit(new MaterialsDeferred(deferred, pledgeSigned));
    }

    internal static void LeaveIntake(CaseTransaction tx)
    {
        var atIntake = tx.State.Tokens.Where(t => tx.Router.StepOf(t.StepId) is IntakeNode).ToList();
        foreach (var token in atIntake) tx.Router.Leave(token.Id, tx.Router.StepOf(token.StepId), outcome: null);
    }
}
