using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Queries;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.CaseHarness;

namespace Workflows.Engine.Tests.Queries;

/// <summary>The one deadline level: accepted 2026-03-02 with a promise of 10 working days (due 3/16), warning at 80 %.</summary>
public sealed class DeadlineLevelTests
{
    private static CaseHarness Accepted() => new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().Accept();

    [Theory]
    [InlineData("2026-03-02", DeadlineLevel.Normal)]
    [InlineData("2026-03-11", DeadlineLevel.Normal)]  // 7 of 10 working days used
    [InlineData("2026-03-12", DeadlineLevel.Warning)] // 8 of 10: the 80 % mark
    [InlineData("2026-03-16", DeadlineLevel.Warning)] // due today
    [InlineData("2026-03-17", DeadlineLevel.Overdue)]
    public void Case_LevelFollowsTheWorkingDaysUsed(string today, DeadlineLevel expected)
    {
        var state = Accepted().State;
        Assert.Equal(Date("2026-03-16"), state.Clocks.PromisedDue);

        Assert.Equal(expected, DeadlineLevels.OfCase(state, OfficialCalendar.Calendar, 0.8, Date(today)));
    }

    [Fact]
    public void Case_WarnFromIsTheFirstDayAtTheShare_AndMovesWithTheSetting()
    {
        var state = Accepted().State;

        Assert.Equal(Date("2026-03-12"), DeadlineLevels.OfCase(state, OfficialCalendar.Calendar, 0.8).WarnFrom);
        Assert.Equal(Date("2026-03-09"), DeadlineLevels.OfCase(state, OfficialCalendar.Calendar, 0.5).WarnFrom);
        Assert.Equal(0.8, DeadlineLevels.WarningAt(null));
        Assert.Equal(0.8, DeadlineLevels.WarningAt(new ClockSettings { WarningAt = 1.5 }));
        Assert.Equal(0.6, DeadlineLevels.WarningAt(new ClockSettings { WarningAt = 0.6 }));
    }

    [Fact]
    public void SuspendedCase_IsSuspended_NotOverdue_AndItsTasksToo()
    {
        var harness = Accepted();
        harness.On("2026-03-04");
        harness.Run(new Suspend(Actors.Reviewer, "组织专家评审", ProcedureKind.ExpertReview, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条"));
        var state = harness.State;
        var longAfter = Date("2026-05-01"); // past the old due date: a paused clock is still not late

        Assert.Equal(DeadlineLevel.Suspended, DeadlineLevels.OfCase(state, OfficialCalendar.Calendar, 0.8, longAfter));
        var review = Assert.Single(state.ActiveTasks);
        Assert.Equal(DeadlineLevel.Suspended, DeadlineLevels.OfTask(state, review, OfficialCalendar.Calendar, 0.8, longAfter));
        Assert.Equal("已暂停", DeadlineLevel.Suspended.Label());
        Assert.Equal("suspended", DeadlineLevel.Suspended.Key());
    }

    [Fact]
    public void ResumedCase_CountsAgainFromItsMovedDueDate()
    {
        var harness = Accepted();
        harness.On("2026-03-04");
        harness.Run(new Suspend(Actors.Reviewer, "组织专家评审", ProcedureKind.ExpertReview, "head-chen", Basis: "《中华人民共和国行政许可法》第四十五条"));
        harness.On("2026-03-11");
        harness.Run(new Resume(Actors.Reviewer));
        var state = harness.State;

        Assert.Equal(Date("2026-03-23"), state.Clocks.PromisedDue);
        Assert.Equal(DeadlineLevel.Normal, DeadlineLevels.OfCase(state, OfficialCalendar.Calendar, 0.8, Date("2026-03-17")));
        Assert.Equal(DeadlineLevel.Overdue, DeadlineLevels.OfCase(state, OfficialCalendar.Calendar, 0.8, Date("2026-03-24")));
    }

    [Fact]
    public void Task_WithoutALimitOfItsOwn_ShowsTheCasesLevel()
    {
        var state = Accepted().State;
        var unlimited = Assert.Single(state.ActiveTasks) with { Due = null };
        var past = state.Clocks.PromisedDue!.Value.AddDays(1);

        Assert.Equal(DeadlineLevel.Overdue, DeadlineLevels.OfCase(state, OfficialCalendar.Calendar, 0.8, past));
        Assert.Equal(DeadlineLevel.Overdue, DeadlineLevels.OfTask(state, unlimited, OfficialCalendar.Calendar, 0.8, past));
    }

    [Fact]
    public void Task_LevelCountsFromItsOwnStartAndLimit()
    {
        var state = Accepted().State;
        var review = Assert.Single(state.ActiveTasks);
        Assert.Equal(Date("2026-03-16"), review.Due);

        Assert.Equal(DeadlineLevel.Normal, DeadlineLevels.OfTask(state, review, OfficialCalendar.Calendar, 0.8, Date("2026-03-10")));
        Assert.Equal(DeadlineLevel.Warning, DeadlineLevels.OfTask(state, review, OfficialCalendar.Calendar, 0.8, Date("2026-03-13")));
        Assert.Equal(DeadlineLevel.Overdue, DeadlineLevels.OfTask(state, review, OfficialCalendar.Calendar, 0.8, Date("2026-03-17")));
    }

    [Fact]
    public void UnacceptedAndClosedCases_HaveNoDeadlineLevel()
    {
        var received = new CaseHarness(Items.Licensing(), today: "2026-03-02").Receive().State;
        var closed = Accepted().Complete("review", Actors.Reviewer, "pass").Complete("decide", Actors.Head, "deny", "不符合").State;

        Assert.Equal(DeadlineLevel.Normal, DeadlineLevels.OfCase(received, OfficialCalendar.Calendar, 0.8, Date("2026-12-01")));
        Assert.True(closed.IsClosed);
        Assert.Equal(new DeadlineLevels.DeadlineDates(null, null, false), DeadlineLevels.OfCase(closed, OfficialCalendar.Calendar, 0.8));
    }
}
