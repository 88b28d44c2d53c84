using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Execution;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Acceptance;

public sealed class ReceiveAndAcceptTests
{
    [Fact]
    public void ReceiveMaterials_CreatesCaseWaitingAtIntake_WithFiveWorkingDayAcceptanceClock()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        var state = harness.State;
        Assert.Equal(CaseStatus.Received, state.Status);
        Assert.Equal("桃山-2026-000001", state.Number);
        Assert.Equal("teacher-qualification", state.ItemId);
        Assert.Equal("v1-abc123", state.DefinitionVersion);
        Assert.Equal(Date("2026-03-02"), state.Clocks.ReceivedOn);
        Assert.Equal(Date("2026-03-09"), state.Clocks.AcceptanceDue);
        Assert.Equal("intake", Assert.Single(state.Tokens).StepId);
        Assert.Empty(state.Tasks);
        Assert.Equal(1, state.Version);
        Assert.Equal("语文", state.FormData["subject"]!.GetValue<string>());
    }

    [Fact]
    public void ReceiveMaterials_ForExistingCase_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive();

        var error = harness.Reject(new ReceiveMaterials("case-1", "桃山-2026-000001", harness.State.Applicant, new JsonObject(), [], Actors.Clerk));

        Assert.Equal(ErrorCodes.CaseAlreadyExists, error.Code);
    }

    [Fact]
    public void AnyCommand_WithoutCase_ReportsCaseNotFound()
    {
        var harness = new CaseHarness(Items.Licensing());

        Assert.Equal(ErrorCodes.CaseNotFound, harness.Reject(new Accept(Actors.Clerk)).Code);
    }

    [Fact]
    public void ReceiveMaterials_WithMaterialNotOnChecklist_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing());

        var error = harness.Reject(new ReceiveMaterials("case-1", "N-1",
            new Applicant(ApplicantType.Person, "张三", "11010519491231002X"), new JsonObject(),
            [new MaterialRecord("passport", MaterialStatus.Received)], Actors.Clerk));

        Assert.Equal(ErrorCodes.UnknownMaterial, error.Code);
    }

    [Fact]
    public void ReceiveMaterials_WhenWorkflowDoesNotStartAtIntake_IsRejected()
    {
        var item = Items.Item([Steps.Task("review", Items.Reviewer, next: Workflow.End)]);
        var harness = new CaseHarness(item);

        var error = harness.Reject(new ReceiveMaterials("case-1", "N-1",
            new Applicant(ApplicantType.Person, "张三", "11010519491231002X"), new JsonObject(), [], Actors.Clerk));

        Assert.Equal(ErrorCodes.WorkflowInvalid, error.Code);
    }

    [Fact]
    public void ReceiveMaterials_WithoutApplicantName_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing());

        var error = harness.Reject(new ReceiveMaterials("case-1", "N-1",
            new Applicant(ApplicantType.Person, " ", "11010519491231002X"), new JsonObject(), [], Actors.Clerk));

        Assert.Equal(ErrorCodes.InvalidArgument, error.Code);
    }

    [Fact]
    public void Accept_WithRequiredMaterials_StartsStatutoryAndPromisedClocksAndOpensReviewTask()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

        var state = harness.State;
        Assert.Equal(CaseStatus.InProgress, state.Status);
        Assert.Equal(Date("2026-03-02"), state.Clocks.AcceptedOn);
        Assert.Equal(Date("2026-03-16"), state.Clocks.PromisedDue);   // 10 working days
        Assert.Equal(Date("2026-03-30"), state.Clocks.StatutoryDue);  // 20 working days
        var review = harness.TaskAt("review");
        Assert.Equal(TaskState.Open, review.State);
        Assert.Equal(new TaskAssignee("education", "reviewer"), review.Assignee);
        Assert.Equal(Date("2026-03-16"), review.Due);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public void Accept_WithRequiredMaterialMissing_IsRejectedNamingIt()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive(received: ["id-card"]);

        var error = harness.Reject(new Accept(Actors.Clerk));

        Assert.Equal(ErrorCodes.RequiredMaterialsMissing, error.Code);
        Assert.Contains("教师资格认定申请表", error.Message);
    }

    [Fact]
    public void Accept_MaterialRequiredOnlyForOrganisations_IsNotRequiredFromPerson()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();

        Assert.Equal(CaseStatus.InProgress, harness.State.Status);
        Assert.Contains("applicant.type == 'organization'", harness.Conditions.Evaluated);
    }

    [Fact]
    public void Accept_OrganisationWithoutBusinessLicense_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing())
            .Receive(applicant: new Applicant(ApplicantType.Organization, "某培训学校", "91350100M000100Y43"));

        var error = harness.Reject(new Accept(Actors.Clerk));

        Assert.Equal(ErrorCodes.RequiredMaterialsMissing, error.Code);
        Assert.Contains("营业执照", error.Message);
    }

    [Fact]
    public void Accept_WithDeferrableMaterialMissing_RecordsDeferralWithCatchUpDeadline()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

        var health = harness.State.Materials["health"];
        Assert.Equal(MaterialStatus.Deferred, health.Status);
        Assert.Equal(Date("2026-03-09"), health.CatchUpDue); // the material's own 5-working-day limit
        Assert.False(harness.State.Materials.ContainsKey("photo"));  // optional materials are never deferred
    }

    [Fact]
    public void Accept_WithoutThePledge_WhileADeferrableMaterialIsMissing_IsRefused()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        var error = harness.Reject(new Accept(Actors.Clerk));

        Assert.Equal(ErrorCodes.DeferralPledgeRequired, error.Code);
        Assert.Contains("体检合格证明", error.Message);
    }

    [Fact]
    public void AcceptWithDeferral_WithoutASignedPledge_IsRefused()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        var error = harness.Reject(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-06"), PledgeSigned: false));

        Assert.Equal(ErrorCodes.DeferralPledgeRequired, error.Code);
    }

    [Fact]
    public void AcceptWithDeferral_WithExplicitCatchUpDate_RecordsItAndThePledge()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-13"), PledgeSigned: true));

        var health = harness.State.Materials["health"];
        Assert.Equal(MaterialStatus.Deferred, health.Status);
        Assert.Equal(Date("2026-03-13"), health.CatchUpDue);
        Assert.Contains("承诺", health.Note);
    }

    [Fact]
    public void AcceptWithDeferral_CatchUpAfterPromisedDueDate_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive();

        var error = harness.Reject(new AcceptWithDeferral(Actors.Clerk, ["health"], Date("2026-03-17"), PledgeSigned: true));

        Assert.Equal(ErrorCodes.DeferralDeadlineOutOfBounds, error.Code);
    }

    [Fact]
    public void AcceptWithDeferral_OfNonDeferrableMaterial_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive(received: ["id-card"]);

        var error = harness.Reject(new AcceptWithDeferral(Actors.Clerk, ["application"], null, PledgeSigned: true));

        Assert.Equal(ErrorCodes.DeferralNotAllowed, error.Code);
    }

    [Fact]
    public void Supplement_OfDeferredMaterial_MarksItReceived()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();
        harness.On("2026-03-05");

        harness.Run(new Supplement(Actors.Clerk, ["health"]));

        Assert.Equal(MaterialStatus.Received, harness.State.Materials["health"].Status);
        Assert.Equal(CaseStatus.InProgress, harness.State.Status);
    }

    [Fact]
    public void Tick_AfterDeferredMaterialCatchUpDate_MarksItOverdue()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();

        harness.Run(new Tick(TestClock.At("2026-03-10")));

        Assert.Contains(harness.State.Alerts, a => a.Kind == AlertKind.Overdue && a.Subject == "material:health" && a.Due == Date("2026-03-09"));
    }

    [Fact]
    public void Refuse_BeforeAcceptance_ClosesCaseWithReasonsAndCompetentBody()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive();

        harness.Run(new Refuse(Actors.Clerk, ["申请事项不属于本机关职权范围"], "市教育局"));

        var state = harness.State;
        Assert.Equal(CaseStatus.Refused, state.Status);
        Assert.True(state.IsClosed);
        Assert.Equal(CaseDecision.Refused, state.Decision);
        Assert.Equal("市教育局", state.Refusal!.CompetentBody);
        Assert.Equal(["申请事项不属于本机关职权范围"], state.Refusal.Reasons);
        Assert.Empty(state.Tokens);
    }

    [Fact]
    public void Refuse_WithoutReasons_IsRejected()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive();

        Assert.Equal(ErrorCodes.InvalidArgument, harness.Reject(new Refuse(Actors.Clerk, [" "])).Code);
    }

    [Fact]
    public void Refuse_AfterAcceptance_IsNotAllowedInThisStatus()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive().Accept();

        Assert.Equal(ErrorCodes.NotAllowedInStatus, harness.Reject(new Refuse(Actors.Clerk, ["理由"])).Code);
    }

    [Fact]
    public void Execute_WithCallerMistake_NeverThrows()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive();

        var result = CaseEngine.Execute(harness.State, new CompleteTask(Actors.Reviewer, "t99", "pass"), harness.Context);

        Assert.False(result.Succeeded);
        Assert.Same(harness.State, result.State);
    }
}
