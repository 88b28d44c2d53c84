using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Clocks;

public sealed class SuspendExtendTests
{
    private static CaseHarness InReview() => new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

    [Fact]
    public void Suspend_ForUncountedExcludedProcedure_PausesAndResumeMovesEveryDueDateByPausedWorkingDays()
    {
        var harness = InReview();
        var review = harness.TaskAt("review");
        harness.On("2026-03-04");

        harness.Run(new Suspend(Actors.Reviewer, "组织专家评审", ProcedureKind.ExpertReview, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条"));

        Assert.Equal(CaseStatus.Suspended, harness.State.Status);
        Assert.False(harness.State.ActiveSuspension!.Counted);
        Assert.Equal(ErrorCodes.NotAllowedInStatus, harness.Reject(new CompleteTask(Actors.Reviewer, review.Id, "pass")).Code);

        harness.On("2026-03-11"); // 3/5, 3/6, 3/9, 3/10, 3/11 do not count
        harness.Run(new Resume(Actors.Reviewer));

        var state = harness.State;
        Assert.Equal(CaseStatus.InProgress, state.Status);
        var pause = Assert.Single(state.Clocks.Pauses);
        Assert.Equal(5, pause.WorkingDays);
        Assert.Equal(ProcedureKind.ExpertReview, pause.Procedure);
        Assert.Equal(Date("2026-03-23"), state.Clocks.PromisedDue);
        Assert.Equal(Date("2026-04-07"), state.Clocks.StatutoryDue); // skips Qingming (4/4–4/6)
        Assert.Equal(Date("2026-03-23"), harness.TaskAt("review").Due);
    }

    [Fact]
    public void Suspend_ForCountedProcedure_KeepsDueDates()
    {
        var harness = InReview();
        harness.On("2026-03-04");
        harness.Run(new Suspend(Actors.Reviewer, "举行听证", ProcedureKind.Hearing, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条"));
        harness.On("2026-03-11");

        harness.Run(new Resume(Actors.Reviewer));

        Assert.Empty(harness.State.Clocks.Pauses);
        Assert.Equal(Date("2026-03-16"), harness.State.Clocks.PromisedDue);
        Assert.Equal(Date("2026-03-30"), harness.State.Clocks.StatutoryDue);
    }

    [Fact]
    public void Suspend_ForProcedureTheGuideDoesNotList_IsRejected()
    {
        var harness = InReview();

        Assert.Equal(ErrorCodes.ProcedureNotListed, harness.Reject(new Suspend(Actors.Reviewer, "检验", ProcedureKind.Testing, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条")).Code);
    }

    [Fact]
    public void Suspend_WithoutReason_IsRejected()
    {
        Assert.Equal(ErrorCodes.InvalidArgument, InReview().Reject(new Suspend(Actors.Reviewer, "", Approver: "head-chen")).Code);
    }

    [Fact]
    public void Resume_WhenNotSuspended_IsNotAllowed()
    {
        Assert.Equal(ErrorCodes.NotAllowedInStatus, InReview().Reject(new Resume(Actors.Reviewer)).Code);
    }

    [Fact]
    public void Extend_AddsWorkingDaysToBothDueDatesAndRecordsApprover()
    {
        var harness = InReview();

        harness.Run(new Extend(Actors.Head, 10, "局长 陈某", "需现场核查"));

        var clocks = harness.State.Clocks;
        Assert.Equal(Date("2026-03-30"), clocks.PromisedDue);
        Assert.Equal(Date("2026-04-14"), clocks.StatutoryDue);
        Assert.Equal(10, clocks.ExtendedWorkingDays);
        var extension = Assert.Single(clocks.Extensions);
        Assert.Equal("局长 陈某", extension.Approver);
    }

    [Fact]
    public void Extend_ByNonPositiveDaysOrWithoutApprover_IsRejected()
    {
        var harness = InReview();

        Assert.Equal(ErrorCodes.InvalidArgument, harness.Reject(new Extend(Actors.Head, 0, "局长", "理由")).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, harness.Reject(new Extend(Actors.Head, 5, " ", "理由")).Code);
    }

    [Fact]
    public void Extend_BeforeAcceptance_IsNotAllowed()
    {
        var harness = new CaseHarness(Items.Licensing()).Receive();

        Assert.Equal(ErrorCodes.ExtensionBeforeAcceptance, harness.Reject(new Extend(Actors.Head, 5, "局长", "理由")).Code);
    }
}
