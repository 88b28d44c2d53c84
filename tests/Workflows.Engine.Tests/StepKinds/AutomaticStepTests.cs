using Workflows.Engine.Intents;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.StepKinds;

public sealed class AutomaticStepTests
{
    [Fact]
    public void DocumentStep_RendersThroughDocumentPortAndRecordsDocumentId()
    {
        var harness = new CaseHarness(Items.Item(
        [
            Intake("issue"),
            Document("issue", "certificates/teacher-qualification", "deliver"),
            Task("deliver", Items.Issuance, next: Workflow.End),
        ])).Receive().Accept();

        var document = Assert.Single(harness.State.Documents);
        Assert.Equal("certificates/teacher-qualification", document.TemplateId);
        Assert.Equal("issue", document.StepId);
        Assert.Equal(("certificates/teacher-qualification", "桃山-2026-000001"), Assert.Single(harness.Documents.Rendered));
        // Named in the command before it is rendered: the event and both intents agree on the id.
        var render = Assert.Single(harness.Documents.Intents);
        Assert.Equal(render.Id, document.DocumentId);
        Assert.Equal($"case1-{harness.State.Version}-1", document.DocumentId);
        Assert.Empty(render.State.Documents);
        var register = Assert.Single(harness.Intents.OfType<RegisterCertificate>());
        Assert.Equal(document.DocumentId, register.DocumentId);
        Assert.NotEqual(render.Id, register.Id);
    }

    [Fact]
    public void NotifyStep_SendsThroughNotifierAndContinues()
    {
        var harness = new CaseHarness(Items.Item(
        [
            Intake("inform"),
            Notify("inform", "notices/special-procedure", "review"),
            Task("review", Items.Reviewer, next: Workflow.End),
        ])).Receive().Accept();

        var sent = Assert.Single(harness.Notifier.Sent);
        Assert.Equal(NotificationKind.Step, sent.Kind);
        Assert.Equal("notices/special-procedure", sent.TemplateId);
        Assert.Equal("inform", Assert.Single(harness.State.Notifications).StepId);
        Assert.NotNull(harness.TaskAt("review"));
    }

    [Fact]
    public void PluginStep_RunsActivityAndRoutesByItsOutcome()
    {
        var harness = new CaseHarness(Items.Item(
        [
            Intake("credit-check"),
            Plugin("credit-check", "credit-lookup", new Dictionary<string, string> { ["outcome"] = "bad-credit" },
                outcomes: [("good-credit", "review"), ("bad-credit", "head-review")]),
            Task("review", Items.Reviewer, next: Workflow.End),
            Task("head-review", Items.Head, next: Workflow.End),
        ])).Receive().Accept();

        var run = Assert.Single(harness.Activities.Runs);
        Assert.Equal("credit-lookup", run.Activity);
        var record = Assert.Single(harness.State.Activities);
        Assert.Equal("bad-credit", record.Outcome);
        Assert.Equal("张三", record.Output!["checkedApplicant"]!.GetValue<string>());
        Assert.NotNull(harness.TaskAt("head-review"));
    }

    [Fact]
    public void PluginStep_WhenActivityFails_RejectsTheWholeCommand()
    {
        var harness = new CaseHarness(Items.Item(
        [
            Intake("credit-check"),
            Plugin("credit-check", "credit-lookup", new Dictionary<string, string> { ["fail"] = "信用平台不可用" }, next: Workflow.End),
        ])).Receive(["id-card", "application", "health"]);

        var error = harness.Reject(new Accept(Actors.Clerk));

        Assert.Equal(ErrorCodes.ActivityFailed, error.Code);
        Assert.Contains("信用平台不可用", error.Message);
        Assert.Equal(CaseStatus.Received, harness.State.Status);
    }

    [Fact]
    public void SubcaseStep_IsReportedAsNotSupportedYet()
    {
        var harness = new CaseHarness(Items.Item(
        [
            Intake("bundle"),
            Subcase("bundle", "water-permit", Workflow.End),
        ])).Receive(["id-card", "application", "health"]);

        Assert.Equal(ErrorCodes.SubcaseNotSupported, harness.Reject(new Accept(Actors.Clerk)).Code);
    }

    [Fact]
    public void Routing_AroundACycleWithoutWaitState_IsStoppedAsLoop()
    {
        var harness = new CaseHarness(Items.Item(
        [
            Intake("ping"),
            Notify("ping", "notices/ping", "pong"),
            Notify("pong", "notices/pong", "ping"),
        ])).Receive(["id-card", "application", "health"]);

        Assert.Equal(ErrorCodes.RoutingLoop, harness.Reject(new Accept(Actors.Clerk)).Code);
    }

    [Fact]
    public void TimerStep_WaitsUntilTickOnWakeDay_ThenContinues()
    {
        var harness = new CaseHarness(Items.Item(
        [
            Intake("publicity"),
            Timer("publicity", 5, "decide"),
            Task("decide", Items.Head, next: Workflow.End),
        ]), today: "2026-03-02").Receive().Accept();
        Assert.Equal(CaseHarness.Date("2026-03-09"), Assert.Single(harness.State.Tokens).WakeOn);

        var early = harness.Run(new Tick(TestClock.At("2026-03-06")));
        Assert.Empty(early.Events);
        Assert.Empty(harness.State.Tasks);

        harness.Run(new Tick(TestClock.At("2026-03-09")));
        Assert.NotNull(harness.TaskAt("decide"));
        Assert.Null(Assert.Single(harness.State.Tokens).WakeOn);

        var again = harness.Run(new Tick(TestClock.At("2026-03-09")));
        Assert.Empty(again.Events);
        Assert.Single(harness.State.Tasks);
    }

    [Fact]
    public void TimerStep_WhileCaseSuspended_DoesNotFireAndWakeDayMovesByPausedDays()
    {
        var harness = new CaseHarness(Items.Item(
        [
            Intake("publicity"),
            Timer("publicity", 5, "decide"),
            Task("decide", Items.Head, next: Workflow.End),
        ]), today: "2026-03-02").Receive(["id-card", "application", "health"]).Accept(); // nothing deferred: its catch-up runs while suspended
        harness.On("2026-03-04");
        harness.Run(new Suspend(Actors.Head, "专家评审", ProcedureKind.ExpertReview, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条"));

        Assert.Empty(harness.Run(new Tick(TestClock.At("2026-03-10"))).Events); // past the original wake day
        harness.On("2026-03-11");
        harness.Run(new Resume(Actors.Head));

        Assert.Equal(CaseHarness.Date("2026-03-16"), Assert.Single(harness.State.Tokens).WakeOn); // 3/9 + 5 paused days
        Assert.Empty(harness.State.Tasks);
        harness.Run(new Tick(TestClock.At("2026-03-16")));
        Assert.NotNull(harness.TaskAt("decide"));
    }
}
