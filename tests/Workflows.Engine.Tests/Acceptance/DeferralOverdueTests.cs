using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.Intents;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Acceptance;

/// <summary>
/// 容缺 after acceptance (DOMAIN §3): a deferred material not supplied by its catch-up date is
/// reminded (催补) on the next working day, and the case is terminated (终止办理) on the working day
/// after the grace period counted from the reminder, unless it came.
/// Accepted Tue 2026-04-28: 体检合格证明 (5wd) due Fri 5/8 across 劳动节 (5/1–5/5);
/// Sat 5/9 is a make-up workday, so the reminder comes then; 5 working days of grace end Fri 5/15;
/// the next working day is Mon 5/18.
/// </summary>
public sealed class DeferralOverdueTests
{
    private static CaseHarness Deferred(ClockSettings? clock = null)
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-04-28", clock: clock).Receive();
        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true));
        Assert.Equal(Date("2026-05-08"), harness.State.Materials["health"].CatchUpDue);
        return harness;
    }

    /// <summary>Ticks every day (as a daily scheduler would) and says on which day each event type came first.</summary>
    private static Dictionary<string, DateOnly> TickDaily(CaseHarness harness, string from, string to)
    {
        var first = new Dictionary<string, DateOnly>();
        for (var day = Date(from); day <= Date(to) && !harness.State.IsClosed; day = day.AddDays(1))
        {
            foreach (var e in harness.Run(new Tick(TestClock.At(day.ToString("yyyy-MM-dd")))).Events)
                first.TryAdd(e.GetType().Name, day);
        }
        return first;
    }

    [Fact]
    public void NotSupplied_RemindedOnTheNextWorkingDay_ThenTerminatedAfterTheGracePeriod()
    {
        var harness = Deferred();

        var days = TickDaily(harness, "2026-04-29", "2026-05-31");

        Assert.Equal(Date("2026-05-09"), days[nameof(CatchUpReminded)]);
        Assert.Equal(Date("2026-05-18"), days[nameof(CaseTerminated)]);
        var health = harness.State.Materials["health"];
        Assert.Equal((Date("2026-05-09"), Date("2026-05-15")), (health.RemindedOn!.Value, health.TerminatesAfter!.Value));
        Assert.Contains(harness.State.Alerts, a => a.Kind == AlertKind.Overdue && a.Subject == "material:health" && a.Due == Date("2026-05-08"));
        Assert.Contains(harness.Notifier.Sent, n => n.Kind == NotificationKind.CatchUp && n.Message!.Contains("体检合格证明") && n.Message.Contains("2026-05-15"));

        Assert.Equal(CaseStatus.Terminated, harness.State.Status);
        Assert.True(harness.State.IsClosed);
        Assert.Empty(harness.State.Tokens);
        Assert.DoesNotContain(harness.State.Tasks, t => t.IsActive);
        var termination = harness.State.Termination!;
        Assert.Equal(("system:deferral", Date("2026-05-18")), (termination.By, termination.On));
        Assert.Equal(["health"], termination.MaterialIds);
        Assert.Contains("《体检合格证明》", termination.Reasons[0]);
        Assert.Contains("经催补仍未补交", termination.Reasons[0]);
        var notice = Assert.Single(harness.Intents.OfType<RenderDocument>(), r => r.TemplateId == "notices/termination");
        Assert.Equal(CaseStatus.Terminated, notice.State.Status);
        Assert.Contains(harness.Notifier.Sent, n => n.Kind == NotificationKind.Terminated);
        // Every clock stops: a closed case never wakes again.
        Assert.Null(NextWake.Of(harness.State, OfficialCalendar.Calendar, null, Date("2026-05-18")));
    }

    [Fact]
    public void TheSchedulersWakesAlone_ReachTheReminderAndTheTermination()
    {
        var harness = Deferred();
        var reminded = (DateOnly?)null;
        var today = Date("2026-04-28");
        while (NextWake.Of(harness.State, OfficialCalendar.Calendar, null, today) is { } wake)
        {
            var events = harness.Run(new Tick(TestClock.At(wake.ToString("yyyy-MM-dd")))).Events;
            if (events.OfType<CatchUpReminded>().Any()) reminded = wake;
            today = wake;
        }

        Assert.Equal(Date("2026-05-09"), reminded);
        Assert.Equal(Date("2026-05-18"), harness.State.Termination!.On);
    }

    [Fact]
    public void SuppliedInTime_NoReminderAndNoTermination()
    {
        var harness = Deferred();
        harness.On("2026-05-08");
        harness.Run(new Supplement(Actors.Clerk, ["health"]));

        var days = TickDaily(harness, "2026-05-08", "2026-06-30");

        Assert.False(days.ContainsKey(nameof(CatchUpReminded)));
        Assert.False(days.ContainsKey(nameof(CaseTerminated)));
        Assert.DoesNotContain(harness.State.Alerts, a => a.Subject == "material:health");
        Assert.NotEqual(CaseStatus.Terminated, harness.State.Status);
        Assert.DoesNotContain(harness.Notifier.Sent, n => n.Kind is NotificationKind.CatchUp or NotificationKind.Terminated);
    }

    [Fact]
    public void SuppliedAfterTheReminder_WithinTheGracePeriod_TheCaseGoesOn()
    {
        var harness = Deferred();
        TickDaily(harness, "2026-04-29", "2026-05-12");
        Assert.NotNull(harness.State.Materials["health"].RemindedOn);

        harness.On("2026-05-13");
        harness.Run(new Supplement(Actors.Clerk, ["health"]));
        var days = TickDaily(harness, "2026-05-13", "2026-06-30");

        Assert.False(days.ContainsKey(nameof(CaseTerminated)));
        Assert.Null(harness.State.Termination);
    }

    [Fact]
    public void WarnOnly_RemindsOnce_AndNeverTerminates()
    {
        var harness = Deferred(new ClockSettings { DeferralOverdue = DeferralOverdueOutcome.Warn });

        var days = TickDaily(harness, "2026-04-29", "2026-07-31");

        Assert.Equal(Date("2026-05-09"), days[nameof(CatchUpReminded)]);
        Assert.Single(harness.Log.OfType<CatchUpReminded>());
        Assert.Null(harness.State.Materials["health"].TerminatesAfter);
        Assert.Null(harness.State.Termination);
        Assert.False(harness.State.Status == CaseStatus.Terminated);
    }

    [Fact]
    public void TheGracePeriod_IsTheOfficesSetting()
    {
        var harness = Deferred(new ClockSettings { DeferralGrace = Duration.WorkingDays(2) });

        var days = TickDaily(harness, "2026-04-29", "2026-05-31");

        // Reminded Sat 5/9 (make-up workday); 2 working days: Mon 5/11, Tue 5/12; terminated Wed 5/13.
        Assert.Equal(Date("2026-05-13"), days[nameof(CaseTerminated)]);
    }

    [Fact]
    public void WhileTheOfficesClockIsPaused_TheApplicantsCatchUpDateStillRuns()
    {
        var harness = Deferred();
        harness.On("2026-05-06");
        harness.Run(new Suspend(Actors.Head, "等待上级答复", Approver: "head-chen", Basis: "《某某条例》第十条"));
        Assert.Equal(CaseStatus.Suspended, harness.State.Status);

        var days = TickDaily(harness, "2026-05-06", "2026-05-31");

        Assert.Equal(Date("2026-05-09"), days[nameof(CatchUpReminded)]);
        Assert.Equal(Date("2026-05-18"), days[nameof(CaseTerminated)]);
    }

    [Fact]
    public void ManualTermination_BeforeTheCatchUpDate_IsRefusedWithItsCode()
    {
        var harness = Deferred();
        harness.On("2026-05-08");

        var error = harness.Reject(new Terminate(Actors.Head, "申请人未补交"));

        Assert.Equal(ErrorCodes.TerminationNotAllowed, error.Code);
        Assert.Contains("2026-05-08", error.Message);
    }

    [Fact]
    public void ManualTermination_WithoutADeferredMaterial_IsRefused_WithdrawalIsTheApplicantsWay()
    {
        var harness = new CaseHarness(Items.Licensing(), today: "2026-04-28").Receive(["id-card", "application", "health"]).Accept();
        harness.On("2026-06-01");

        Assert.Equal(ErrorCodes.TerminationNotAllowed, harness.Reject(new Terminate(Actors.Head, "申请人未补交")).Code);
    }

    [Fact]
    public void ManualTermination_AfterTheCatchUpDate_EndsTheCaseWithTheHeadsReason()
    {
        var harness = Deferred();
        harness.On("2026-05-11");

        harness.Run(new Terminate(Actors.Head, "申请人明确表示无法取得体检合格证明"));

        Assert.Equal(CaseStatus.Terminated, harness.State.Status);
        Assert.Equal("head-chen", harness.State.Termination!.By);
        Assert.Equal(["health"], harness.State.Termination.MaterialIds);
        Assert.Contains("申请人明确表示无法取得体检合格证明", harness.State.Termination.Reasons);
        Assert.Single(harness.Intents.OfType<RenderDocument>(), r => r.TemplateId == "notices/termination");
        Assert.Equal(ErrorCodes.NotAllowedInStatus, harness.Reject(new Terminate(Actors.Head, "再次终止")).Code);
    }

    [Fact]
    public void ManualTermination_AfterTheDecision_IsRefused_ADecisionIsRevoked()
    {
        var harness = Deferred();
        harness.On("2026-05-11");
        harness.Complete("review", Actors.Reviewer, "pass").Complete("decide", Actors.Head, "grant");
        Assert.NotNull(harness.State.Decision);

        var error = harness.Reject(new Terminate(Actors.Head, "申请人未补交"));

        Assert.Equal(ErrorCodes.TerminationNotAllowed, error.Code);
        Assert.Contains("撤销", error.Message);
    }

    [Fact]
    public void ADecidedCase_IsRemindedButNeverTerminated()
    {
        var harness = Deferred();
        harness.On("2026-05-07");
        harness.Complete("review", Actors.Reviewer, "pass").Complete("decide", Actors.Head, "grant");

        var days = TickDaily(harness, "2026-05-07", "2026-06-30");

        Assert.Equal(Date("2026-05-09"), days[nameof(CatchUpReminded)]);
        Assert.False(days.ContainsKey(nameof(CaseTerminated)));
        Assert.Null(harness.State.Materials["health"].TerminatesAfter);
    }

    [Fact]
    public void AMaterialMarked容缺AtReceipt_GetsItsCatchUpDate_AndNeedsThePledge()
    {
        // The window's checklist marks 容缺后补 when it receives: the material arrives as deferred without a date.
        var harness = new CaseHarness(Items.Licensing(), today: "2026-04-28");
        harness.Run(new ReceiveMaterials("case-1", "桃山-2026-000001", new Applicant(ApplicantType.Person, "张三", "11010519491231002X", "13800000000"),
            new System.Text.Json.Nodes.JsonObject { ["subject"] = "语文", ["level"] = "senior" },
            [new MaterialRecord("id-card", MaterialStatus.Received), new MaterialRecord("application", MaterialStatus.Received),
             new MaterialRecord("health", MaterialStatus.Deferred, "体检报告下周出具")], Actors.Clerk));

        Assert.Equal(ErrorCodes.DeferralPledgeRequired, harness.Reject(new Accept(Actors.Clerk)).Code);
        harness.Run(new AcceptWithDeferral(Actors.Clerk, ["health"], null, PledgeSigned: true));

        Assert.Equal(Date("2026-05-08"), harness.State.Materials["health"].CatchUpDue);
        // The clerk's note at receipt is what the case view and the notice show, not replaced by the pledge.
        Assert.Equal("体检报告下周出具", harness.State.Materials["health"].Note);
    }
}
