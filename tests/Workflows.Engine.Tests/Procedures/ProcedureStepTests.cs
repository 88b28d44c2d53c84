using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Intents;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.Procedures;

/// <summary>
/// 特别程序 (行政许可法 art. 45) as a property of the step that runs it: entering the step issues the
/// notice and stops the statutory clock, leaving it restarts the clock, and the announced duration is
/// the step's own deadline so that an overrun shows.
/// </summary>
public sealed class ProcedureStepTests
{
    private static readonly StepProcedure ExpertReview = new()
    {
        Kind = ProcedureKind.ExpertReview, Name = "专家评审", Basis = "《某条例》第十二条", Duration = Duration.WorkingDays(5),
    };

    /// <summary>intake → review (pass → expert) → expert (procedure, 5wd) → decide …; accepted Monday 2026-03-02.</summary>
    // Every material in hand: a 容缺 catch-up date would run on through the procedure (DeferralOverdueTests).
    private static CaseHarness Accepted(StepProcedure? procedure = null) =>
        new CaseHarness(ItemWith(procedure ?? ExpertReview), today: "2026-03-02").Receive(["id-card", "application", "health"]).Accept();

    private static ItemDefinition ItemWith(StepProcedure procedure)
    {
        var expert = Task("expert", Items.Reviewer, outcomes: [("pass", "decide"), ("reject", "decide")]);
        expert.Procedure = procedure;
        var item = Items.Item(
        [
            Intake("review"),
            Task("review", Items.Reviewer, limitDays: 10, outcomes: [("pass", "expert")]),
            expert,
            Task("decide", Items.Head, limitDays: 5, outcomes: [("grant", "issue"), ("deny", "notify-denial")]),
            Document("issue", "certificates/teacher-qualification", "deliver"),
            Task("deliver", Items.Issuance, next: Workflow.End),
            Notify("notify-denial", "notices/denial-decision", Workflow.End),
        ]);
        return item;
    }

    private static CaseHarness InProcedure()
    {
        var harness = Accepted();
        harness.On("2026-03-04");
        harness.Complete("review", Actors.Reviewer, "pass");
        return harness;
    }

    [Fact]
    public void Entering_the_step_stops_the_clock_and_issues_the_notice_with_the_announced_end()
    {
        var harness = Accepted();
        harness.On("2026-03-04");

        var result = harness.Run(new CompleteTask(Actors.Reviewer, harness.TaskAt("review").Id, "pass"));

        var run = harness.State.ActiveProcedure!;
        Assert.Equal(("expert", ProcedureKind.ExpertReview, "《某条例》第十二条"), (run.StepId, run.Kind, run.Basis));
        Assert.Equal(Date("2026-03-04"), run.StartedOn);
        Assert.Equal(Date("2026-03-11"), run.AnnouncedEnd);
        Assert.True(run.StoppedClock);
        var pause = harness.State.Clocks.OpenPause!;
        Assert.Equal((PauseReason.Procedure, ProcedureKind.ExpertReview), (pause.Reason, pause.Procedure));
        Assert.Equal(CaseStatus.InProgress, harness.State.Status);
        // The notice is asked for in the same command, rendered from the case with the procedure running.
        var render = Assert.Single(result.Intents.OfType<RenderDocument>());
        Assert.Equal((StepProcedure.DefaultTemplate, "expert"), (render.TemplateId, render.StepId));
        Assert.NotNull(render.State.ActiveProcedure);
        Assert.Contains(result.Events, e => e is DocumentIssued { TemplateId: StepProcedure.DefaultTemplate });
        // The procedure's task is due when the applicant was told it would end.
        Assert.Equal(Date("2026-03-11"), harness.TaskAt("expert").Due);
    }

    [Fact]
    public void Leaving_the_step_restarts_the_clock_and_moves_the_case_deadlines_by_the_procedure_days()
    {
        var harness = InProcedure();
        harness.On("2026-03-11"); // 3/5, 3/6, 3/9, 3/10, 3/11 do not count

        harness.Complete("expert", Actors.Reviewer, "pass", "评审通过");

        var state = harness.State;
        Assert.Null(state.ActiveProcedure);
        var run = Assert.Single(state.ProcedureHistory);
        Assert.Equal((Date("2026-03-11"), 5), (run.EndedOn!.Value, run.WorkingDays));
        Assert.Null(state.Clocks.OpenPause);
        Assert.Equal(5, state.Clocks.PausedWorkingDays);
        Assert.Equal(Date("2026-03-23"), state.Clocks.PromisedDue); // 3/16 + 5
        Assert.Equal(Date("2026-04-07"), state.Clocks.StatutoryDue); // 3/30 + 5, skipping Qingming
        Assert.Equal(Date("2026-03-18"), harness.TaskAt("decide").Due);
        Assert.False(run.IsOverrun(Date("2026-03-20")));
    }

    [Fact]
    public void While_the_procedure_runs_the_case_level_is_suspended_but_its_own_task_counts_against_the_announced_end()
    {
        var harness = InProcedure();
        var calendar = harness.Context.Calendar;
        var expert = harness.TaskAt("expert");

        Assert.Equal(DeadlineLevel.Suspended, DeadlineLevels.OfCase(harness.State, calendar, 0.8, Date("2026-03-20")));
        Assert.Equal(DeadlineLevel.Normal, DeadlineLevels.OfTask(harness.State, expert, calendar, 0.8, Date("2026-03-05")));
        Assert.Equal(DeadlineLevel.Overdue, DeadlineLevels.OfTask(harness.State, expert, calendar, 0.8, Date("2026-03-12")));
    }

    [Fact]
    public void Tick_during_the_procedure_raises_only_the_overrun_of_the_announced_duration()
    {
        var harness = InProcedure();
        var expert = harness.TaskAt("expert");
        harness.On("2026-03-20"); // past the promised due date 3/16 as counted before the pause

        harness.Run(new Tick(harness.Clock.Now));

        var alert = Assert.Single(harness.State.Alerts);
        Assert.Equal((AlertKind.Overdue, $"task:{expert.Id}", Date("2026-03-11")), (alert.Kind, alert.Subject, alert.Due));
        Assert.True(harness.State.ActiveProcedure!.IsOverrun(Date("2026-03-20")));
        // Nothing else is due while the clock stands still: the scheduler has no reason to wake the case.
        Assert.Null(NextWake.Of(harness.State, harness.Context.Calendar, null, Date("2026-03-20")));
    }

    [Fact]
    public void NextWake_during_the_procedure_watches_only_the_announced_end()
    {
        var harness = InProcedure();

        // 预警 after 4 of the 5 announced working days (3/5, 3/6, 3/9, 3/10), not the case's own dates.
        Assert.Equal(Date("2026-03-10"), NextWake.Of(harness.State, harness.Context.Calendar, null, Date("2026-03-04")));
        harness.Run(new Tick(TestClock.At("2026-03-10")));
        Assert.Equal(Date("2026-03-12"), NextWake.Of(harness.State, harness.Context.Calendar, null, Date("2026-03-10")));
    }

    [Fact]
    public void Suspend_during_the_procedure_is_refused_and_stores_nothing()
    {
        var harness = InProcedure();

        var error = harness.Reject(new Suspend(Actors.Head, "等待", Approver: "局长 陈某", Basis: "《某法》第一条"));

        Assert.Equal(ErrorCodes.SuspendDuringProcedure, error.Code);
    }

    [Fact]
    public void Withdrawing_during_the_procedure_ends_it()
    {
        var harness = InProcedure();
        harness.On("2026-03-06");

        harness.Run(new Withdraw(Actors.Clerk, "申请人撤回"));

        Assert.Null(harness.State.ActiveProcedure);
        Assert.Equal(2, Assert.Single(harness.State.ProcedureHistory).WorkingDays);
    }

    [Fact]
    public void A_procedure_without_basis_in_a_definition_that_skipped_validation_fails_and_stores_nothing()
    {
        // The workflow is compiled before the first command runs, so such a definition never starts a case.
        var harness = new CaseHarness(ItemWith(new StepProcedure { Kind = ProcedureKind.ExpertReview, Duration = Duration.WorkingDays(5) }));

        var error = harness.Reject(new ReceiveMaterials("case-1", "桃山-2026-000001",
            new Applicant(ApplicantType.Person, "张三", "11010519491231002X", "13800000000"), new System.Text.Json.Nodes.JsonObject(),
            [.. Items.RequiredForPerson.Select(id => new MaterialRecord(id, MaterialStatus.Received))], Actors.Clerk));

        Assert.Equal(ErrorCodes.WorkflowInvalid, error.Code);
        Assert.Contains("expert", error.Message);
        Assert.Null(harness.MaybeState);
    }
}
