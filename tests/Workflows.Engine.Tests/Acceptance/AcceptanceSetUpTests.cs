using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.Acceptance;

/// <summary>
/// The two acceptance set-ups of DOMAIN §3. 委托受理 is the window's 受理 (the other acceptance
/// tests); 前台收件、后台受理 is here: the window only receives, the department's first task is the
/// acceptance decision inside the 5-working-day clock, and the window's own decisions are refused.
/// </summary>
public sealed class AcceptanceSetUpTests
{
    private static readonly string[] AllMaterials = ["id-card", "application", "health"];
    private static readonly MaterialDeficiency MissingApplication = new("application", DeficiencyKind.Missing, "须本人签字");

    /// <summary>intake (receive only) → accept-decision (education reviewer) → review → decide → ….</summary>
    private static ItemDefinition BackOffice()
    {
        var intake = Intake("accept-decision");
        intake.Acceptance = AcceptanceSetUp.BackOffice;
        return Items.Item(
        [
            intake,
            Task("accept-decision", Items.Reviewer, outcomes: [("accept", "review"), ("supplement", "intake"), ("refuse", "notify-refusal")]),
            Task("review", Items.Reviewer, limitDays: 10, outcomes: [("pass", "decide")]),
            Task("decide", Items.Head, limitDays: 5, outcomes: [("grant", "notify-completion"), ("deny", "notify-denial")]),
            Notify("notify-completion", "notices/completion", Workflow.End),
            Notify("notify-refusal", "notices/refusal", Workflow.End),
            Notify("notify-denial", "notices/denial-decision", Workflow.End),
        ]);
    }

    [Fact]
    public void Receipt_OpensTheDepartmentsAcceptanceTask_DueByTheAcceptanceClock()
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(AllMaterials);

        var state = harness.State;
        Assert.Equal(CaseStatus.Received, state.Status);
        Assert.Null(state.Clocks.AcceptedOn);
        var task = harness.TaskAt("accept-decision");
        // 5 working days counted from the day after receipt (2026-03-02, a Monday).
        Assert.Equal(Date("2026-03-09"), state.Clocks.AcceptanceDue);
        Assert.Equal(state.Clocks.AcceptanceDue, task.Due);
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("accept-with-deferral")]
    [InlineData("refuse")]
    [InlineData("request-supplement")]
    public void TheWindow_CannotDecideAcceptance_AndNothingIsStored(string command)
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(["id-card", "application"]);
        CaseCommand decision = command switch
        {
            "accept" => new Accept(Actors.Clerk),
            "accept-with-deferral" => new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true),
            "refuse" => new Refuse(Actors.Clerk, ["不属于本机关职权范围"]),
            _ => new RequestSupplement(Actors.Clerk, [new MaterialDeficiency("health", DeficiencyKind.Missing)]),
        };

        var error = harness.Reject(decision);

        Assert.Equal(ErrorCodes.AcceptanceByDepartment, error.Code);
        Assert.Contains("前台收件、后台受理", error.Message);
    }

    [Fact]
    public void TheDepartment_Accepts_ThenTheStatutoryClockRunsFromItsDecision()
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(AllMaterials);
        harness.On("2026-03-04");

        harness.Run(new Claim(Actors.Reviewer, harness.TaskAt("accept-decision").Id));
        harness.Complete("accept-decision", Actors.Reviewer, "accept", "材料齐全，符合法定形式");

        var state = harness.State;
        Assert.Equal(CaseStatus.InProgress, state.Status);
        Assert.Equal(Date("2026-03-04"), state.Clocks.AcceptedOn);
        Assert.Equal(Actors.Reviewer.UserId, state.AcceptedBy);
        Assert.NotNull(harness.TaskAt("review"));
        Assert.Contains(harness.Log, e => e is TaskCompleted { Outcome: "accept" });
    }

    [Fact]
    public void TheDepartment_CannotAccept_WithARequiredMaterialMissing()
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(["id-card", "health"]);

        var error = harness.Reject(new CompleteTask(Actors.Reviewer, harness.TaskAt("accept-decision").Id, "accept"));

        Assert.Equal(ErrorCodes.RequiredMaterialsMissing, error.Code);
    }

    [Fact]
    public void TheDepartment_CannotDefer_WithoutThePledge()
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(["id-card", "application"]);

        var error = harness.Reject(new CompleteTask(Actors.Reviewer, harness.TaskAt("accept-decision").Id, "accept"));

        Assert.Equal(ErrorCodes.DeferralPledgeRequired, error.Code);
        Assert.Contains("体检合格证明", error.Message);
    }

    [Fact]
    public void AnotherDepartment_CannotDecide()
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(AllMaterials);

        var error = harness.Reject(new CompleteTask(Actors.WaterReviewer, harness.TaskAt("accept-decision").Id, "accept"));

        Assert.Equal(ErrorCodes.NotTheAssignee, error.Code);
    }

    [Fact]
    public void TheDepartment_Refuses_WithReasons_AndTheRefusalNoticeGoesOut()
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(AllMaterials);
        var task = harness.TaskAt("accept-decision").Id;
        Assert.Equal(ErrorCodes.InvalidArgument, harness.Reject(new CompleteTask(Actors.Reviewer, task, "refuse", " ")).Code);

        harness.Run(new CompleteTask(Actors.Reviewer, task, "refuse", "申请事项不属于本机关职权范围"));

        var state = harness.State;
        Assert.Equal(CaseStatus.Refused, state.Status);
        Assert.Equal(CaseDecision.Refused, state.Decision);
        Assert.True(state.IsClosed);
        Assert.Null(state.Clocks.AcceptedOn);
        Assert.Contains(harness.Notifier.Sent, n => n.TemplateId == "notices/refusal");
    }

    [Fact]
    public void TheDepartment_AsksForSupplement_TheWindowTakesTheMaterials_AndTheDecisionComesBack()
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(["id-card", "health"]);
        harness.On("2026-03-03");
        var task = harness.TaskAt("accept-decision").Id;
        Assert.Equal(ErrorCodes.OneTimeNoticeIncomplete, harness.Reject(new CompleteTask(Actors.Reviewer, task, "supplement")).Code);

        harness.Run(new CompleteTask(Actors.Reviewer, task, "supplement", "缺申请表", [MissingApplication]));

        Assert.Equal(CaseStatus.Supplementing, harness.State.Status);
        Assert.True(harness.State.OpenSupplement!.BeforeAcceptance);
        Assert.Empty(harness.State.ActiveTasks);

        harness.On("2026-03-10");
        harness.Run(new Supplement(Actors.Clerk, ["application"]));

        // The acceptance clock starts again from the complete materials, and the department decides again.
        var state = harness.State;
        Assert.Equal(CaseStatus.Received, state.Status);
        Assert.Equal(Date("2026-03-17"), state.Clocks.AcceptanceDue);
        var again = harness.TaskAt("accept-decision");
        Assert.Equal(Date("2026-03-17"), again.Due);
        harness.Complete("accept-decision", Actors.Reviewer, "accept");
        Assert.Equal(Date("2026-03-10"), harness.State.Clocks.AcceptedOn);
    }

    [Fact]
    public void NoDecisionInTime_CountsAsAcceptedOnTheReceiptDay_AndClosesTheDepartmentsTask()
    {
        var harness = new CaseHarness(BackOffice(), today: "2026-03-02").Receive(AllMaterials);
        var task = harness.TaskAt("accept-decision").Id;

        harness.Run(new Tick(TestClock.At("2026-03-10")));

        var state = harness.State;
        Assert.Equal(CaseStatus.InProgress, state.Status);
        Assert.Equal(Date("2026-03-02"), state.Clocks.AcceptedOn);
        Assert.Equal(TaskState.Cancelled, state.Task(task)!.State);
        Assert.NotNull(harness.TaskAt("review"));
    }

    [Fact]
    public void TheWindowSetUp_StillAcceptsAtTheWindow()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive(AllMaterials);

        harness.Run(new Accept(Actors.Clerk));

        Assert.Equal(CaseStatus.InProgress, harness.State.Status);
        Assert.Equal(Actors.Clerk.UserId, harness.State.AcceptedBy);
    }
}
