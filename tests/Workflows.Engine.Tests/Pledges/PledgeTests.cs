using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Pledges;

/// <summary>
/// 告知承诺 (国办发〔2020〕42号): chosen at intake for the proofs the guide offers, the 告知承诺书
/// issued, the proof not asked for; a 核查 task after the grant, due after the office's period; a
/// false pledge revokes the decision (行政许可法 art. 69). Every forbidden path has its code and stores nothing.
/// </summary>
public class PledgeTests
{
    private const string Proof = "no-criminal-record";
    private static readonly string[] InHand = ["id-card", "application", "health"];
    private static readonly CreditMark FalsePledge = new(CreditMark.FalsePledge, "承诺无犯罪记录与事实不符", Date("2025-11-03"), "桃山-2025-000007");

    /// <summary>The licensing item with a pledge-able proof (无犯罪记录证明) that the guide offers for 告知承诺.</summary>
    private static ItemDefinition PledgeItem(bool offered = true)
    {
        var item = Items.Licensing();
        item.Guide!.Department = "education";
        item.Materials.Add(new Material
        {
            Id = Proof, Name = "无犯罪记录证明", Kind = MaterialKind.Original, Form = MaterialForm.Paper,
            Necessity = Necessity.Required, Pledge = true, Source = MaterialSource.Government,
        });
        if (offered) item.Guide.Pledge = new PledgeScheme { Materials = [Proof], Check = PledgeCheckMethod.Online };
        return item;
    }

    private static CaseHarness Received(ClockSettings? clock = null) =>
        new CaseHarness(PledgeItem(), today: "2026-03-02", clock: clock).Receive(InHand);

    /// <summary>Pledged, accepted, reviewed and granted on 2026-03-02; the certificate is out and the case waits at 统一出件.</summary>
    private static CaseHarness Granted(ClockSettings? clock = null)
    {
        var harness = Received(clock);
        harness.Run(new ChoosePledge(Actors.Clerk, [Proof]));
        harness.Accept().Complete("review", Actors.Reviewer, "pass").Complete("decide", Actors.Head, "grant");
        return harness;
    }

    private static CaseTask CheckTask(CaseHarness harness) => Assert.Single(harness.State.ActiveTasks, t => t.StepId == "pledge-check");

    [Fact]
    public void ChoosingThePledge_RecordsIt_IssuesThePledgeNotice_AndTheProofIsNotAskedFor()
    {
        var harness = Received();
        Assert.Equal(ErrorCodes.RequiredMaterialsMissing, harness.Reject(new Accept(Actors.Clerk)).Code);

        var result = harness.Run(new ChoosePledge(Actors.Clerk, [Proof]));

        var chosen = Assert.Single(result.Events.OfType<PledgeChosen>());
        Assert.Equal([Proof], chosen.MaterialIds);
        Assert.Equal(MaterialStatus.Pledged, harness.State.Materials[Proof].Status);
        Assert.Contains(harness.Documents.Rendered, d => d.TemplateId == "notices/pledge");
        harness.Accept();
        Assert.Equal(CaseStatus.InProgress, harness.State.Status);
    }

    [Fact]
    public void APledge_OnAMaterialTheGuideDoesNotOffer_IsRefused()
    {
        var error = Received().Reject(new ChoosePledge(Actors.Clerk, ["application"]));

        Assert.Equal(ErrorCodes.PledgeNotAllowed, error.Code);
        Assert.Contains("教师资格认定申请表", error.Message);
    }

    [Fact]
    public void AMaterialReceivedAsPledged_IsRefused_ThePledgeIsAChoiceWithItsNotice()
    {
        var harness = new CaseHarness(PledgeItem(), today: "2026-03-02");

        var error = harness.Reject(new ReceiveMaterials("case-1", "桃山-2026-000001", new Applicant(ApplicantType.Person, "张三", "11010519491231002X"),
            new System.Text.Json.Nodes.JsonObject(), [new MaterialRecord(Proof, MaterialStatus.Pledged)], Actors.Clerk));

        Assert.Equal(ErrorCodes.PledgeNotAllowed, error.Code);
    }

    [Fact]
    public void APledge_OnAnItemWithoutThePledgeScheme_IsRefused()
    {
        var harness = new CaseHarness(PledgeItem(offered: false), today: "2026-03-02").Receive(InHand);

        Assert.Equal(ErrorCodes.PledgeNotAllowed, harness.Reject(new ChoosePledge(Actors.Clerk, [Proof])).Code);
    }

    [Fact]
    public void APledge_ChosenTwice_OrAfterAcceptance_IsRefused()
    {
        var harness = Received();
        harness.Run(new ChoosePledge(Actors.Clerk, [Proof]));
        Assert.Equal(ErrorCodes.PledgeAlreadyChosen, harness.Reject(new ChoosePledge(Actors.Clerk, [Proof])).Code);

        var accepted = new CaseHarness(PledgeItem(), today: "2026-03-02").Receive([.. InHand, Proof]).Accept();
        Assert.Equal(ErrorCodes.NotAllowedInStatus, accepted.Reject(new ChoosePledge(Actors.Clerk, [Proof])).Code);
    }

    [Fact]
    public void AnApplicantMarkedForAFalsePledge_IsRefusedThePledgeAndTheDeferral()
    {
        var harness = Received();

        var pledge = harness.Reject(new ChoosePledge(Actors.Clerk, [Proof]) { ApplicantCredit = FalsePledge });
        var withoutHealth = new CaseHarness(PledgeItem(), today: "2026-03-02").Receive(["id-card", "application", Proof]);
        var deferral = withoutHealth.Reject(new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true) { ApplicantCredit = FalsePledge });

        Assert.Equal(ErrorCodes.ApplicantCreditExcluded, pledge.Code);
        Assert.Contains("虚假承诺", pledge.Message);
        Assert.Equal(ErrorCodes.ApplicantCreditExcluded, deferral.Code);
        Assert.Contains("容缺受理", deferral.Message);
    }

    [Fact]
    public void TheGrant_OpensTheCheckTask_ForTheDepartment_DueAfterTheOfficesPeriod_AndItOutlivesTheEnd()
    {
        var harness = Granted(new ClockSettings { PledgeCheckPeriod = Duration.WorkingDays(10) });

        var task = CheckTask(harness);
        Assert.Equal("education", task.Assignee.Department);
        Assert.Null(task.Assignee.Role);
        Assert.Equal(Date("2026-03-16"), task.Due); // 10 working days after 2026-03-02
        Assert.Equal(task.Id, harness.State.Pledge!.CheckTaskId);

        harness.Complete("deliver", Actors.Issuer, null);
        Assert.Equal(CaseStatus.Completed, harness.State.Status);
        Assert.Equal(task.Id, CheckTask(harness).Id);
    }

    [Fact]
    public void TheCheckPeriod_DefaultsToTwentyWorkingDays()
    {
        Assert.Equal(Date("2026-03-30"), CheckTask(Granted()).Due);
    }

    [Fact]
    public void ATruePledge_ClosesTheCheck_AndTheCaseStaysCompleted()
    {
        var harness = Granted();
        harness.Complete("deliver", Actors.Issuer, null);

        harness.Run(new CheckPledge(Actors.Reviewer, CheckTask(harness).Id, Truthful: true, "公安机关网络核验：无犯罪记录"));

        Assert.Empty(harness.State.ActiveTasks);
        Assert.True(harness.State.Pledge!.Truthful);
        Assert.Equal(CaseStatus.Completed, harness.State.Status);
        Assert.Null(harness.State.Revocation);
        Assert.DoesNotContain(harness.Documents.Rendered, d => d.TemplateId == "notices/revocation");
    }

    [Fact]
    public void AFalsePledge_RevokesTheDecision_WithArticle69_AndIssuesTheRevocation()
    {
        var harness = Granted();
        harness.Complete("deliver", Actors.Issuer, null);
        var closedAt = harness.State.ClosedAt;

        var result = harness.Run(new CheckPledge(Actors.Reviewer, CheckTask(harness).Id, Truthful: false, "公安机关核查：申请人有犯罪记录") { Approver = "刘志强" });

        Assert.Equal(CaseStatus.Revoked, harness.State.Status);
        Assert.Equal(CaseDecision.Revoked, harness.State.Decision);
        Assert.Equal(closedAt, harness.State.ClosedAt);
        Assert.Contains("第六十九条", harness.State.Revocation!.Basis);
        Assert.Contains("申请人有犯罪记录", Assert.Single(harness.State.Revocation.Reasons));
        Assert.Equal("刘志强", harness.State.Revocation.Approver);
        Assert.Equal("刘志强", Assert.Single(result.Events.OfType<DecisionRevoked>()).Approver);
        Assert.Single(result.Events.OfType<DecisionRevoked>());
        Assert.Contains(harness.Documents.Rendered, d => d.TemplateId == "notices/revocation");
    }

    [Fact]
    public void AFalsePledge_BeforeTheEnd_CancelsWhatIsStillOpen()
    {
        var harness = Granted();

        harness.Run(new CheckPledge(Actors.Reviewer, CheckTask(harness).Id, Truthful: false, "核查不实") { Approver = "刘志强" });

        Assert.Empty(harness.State.ActiveTasks);
        Assert.True(harness.State.IsClosed);
        Assert.Equal(CaseStatus.Revoked, harness.State.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void AFalsePledge_WithoutTheHeadsApproval_IsRefused_AndTheCheckStaysOpen(string? approver)
    {
        var harness = Granted();
        var task = CheckTask(harness);

        var error = harness.Reject(new CheckPledge(Actors.Reviewer, task.Id, false, "公安机关核查：申请人有犯罪记录") { Approver = approver });

        Assert.Equal(ErrorCodes.RevocationNeedsApproval, error.Code);
        Assert.Contains("负责人批准", error.Message);
        Assert.True(CheckTask(harness).IsActive);
        Assert.Null(harness.State.Revocation);
    }

    [Fact]
    public void AFalsePledge_WithoutFindings_IsRefused()
    {
        var harness = Granted();

        Assert.Equal(ErrorCodes.RevocationNeedsReasons, harness.Reject(new CheckPledge(Actors.Reviewer, CheckTask(harness).Id, false, "  ")).Code);
    }

    [Fact]
    public void TheCheck_IsNotAnOrdinaryTask_NorAnotherDepartments_NorTwice()
    {
        var harness = Granted();
        var task = CheckTask(harness);

        Assert.Equal(ErrorCodes.NoPledgeCheck, harness.Reject(new CompleteTask(Actors.Reviewer, task.Id, "pass", null)).Code);
        Assert.Equal(ErrorCodes.NotTheAssignee, harness.Reject(new CheckPledge(Actors.WaterReviewer, task.Id, true, null)).Code);
        Assert.Equal(ErrorCodes.NoPledgeCheck, harness.Reject(new CheckPledge(Actors.Reviewer, harness.TaskAt("deliver").Id, true, null)).Code);
        harness.Run(new CheckPledge(Actors.Reviewer, task.Id, true, null));
        Assert.Equal(ErrorCodes.NoPledgeCheck, harness.Reject(new CheckPledge(Actors.Reviewer, task.Id, false, "再次核查")).Code);
    }

    [Fact]
    public void ACaseWithoutAPledge_HasNoCheck()
    {
        var harness = new CaseHarness(PledgeItem(), today: "2026-03-02").Receive([.. InHand, Proof]).Accept()
            .Complete("review", Actors.Reviewer, "pass").Complete("decide", Actors.Head, "grant");

        Assert.DoesNotContain(harness.State.ActiveTasks, t => t.StepId == "pledge-check");
        Assert.Equal(ErrorCodes.NoPledgeCheck, harness.Reject(new CheckPledge(Actors.Reviewer, "t9", true, null)).Code);
    }

    [Fact]
    public void ADenial_OpensNoCheck()
    {
        var harness = Received();
        harness.Run(new ChoosePledge(Actors.Clerk, [Proof]));
        harness.Accept().Complete("review", Actors.Reviewer, "pass").Complete("decide", Actors.Head, "deny");

        Assert.Null(harness.State.Pledge!.CheckTaskId);
        Assert.True(harness.State.IsClosed);
    }
}
