namespace Workflows.Storage.Tests;

/// <summary>
/// Supervision's counts and the work lists (<see cref="ICaseFigures"/>) on 2026-03-16: open cases at each
/// deadline level, closed ones with and without a decision on time, ratings, inbox pages.
/// </summary>
public abstract partial class CaseStoreComplianceTests
{
    private static readonly DateOnly FigureToday = new(2026, 3, 16);

    private ICaseFigures Figures => Assert.IsAssignableFrom<ICaseFigures>(Store);

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static CaseIndex FigureIndex(string status, bool open, string department, CaseFigures figures) =>
        new(status, department, "张三", null, figures.LevelDue,
            CaseIndex.PartiesOf(department == "water" ? ["water"] : ["education", "w:comprehensive-1"]), open, figures);

    /// <summary>normal, warning, overdue (open, education), suspended (open, water), on time (closed, education),
    /// late (closed, water), withdrawn (closed, education): in that order.</summary>
    private async Task<Guid[]> SeedFigureCasesAsync()
    {
        var education = new CaseFigures(ItemId: "teacher", ItemDepartment: "education");
        var water = new CaseFigures(ItemId: "well", ItemDepartment: "water");
        var seeds = new[]
        {
            FigureIndex("InProgress", true, "education", education with { LevelDue = D(3, 20), WarnFrom = D(3, 18), ReceivedOn = D(3, 2),
                Assignees = "|d:education:reviewer#|", TaskDue = D(3, 20) }),
            FigureIndex("InProgress", true, "education", education with { LevelDue = D(3, 20), WarnFrom = D(3, 16), ReceivedOn = D(3, 9),
                Assignees = "|d:education:reviewer#li|", TaskDue = D(3, 19) }),
            FigureIndex("InProgress", true, "education", education with { LevelDue = D(3, 13), WarnFrom = D(3, 11), ReceivedOn = D(3, 9),
                Assignees = "|w:comprehensive-1:*#|", TaskDue = D(3, 13) }),
            FigureIndex("Suspended", true, "water", water with { LevelDue = D(3, 10), WarnFrom = D(3, 6), Suspended = true, ReceivedOn = D(3, 2),
                Assignees = "|d:water:head#|", TaskDue = D(3, 10) }),
            FigureIndex("Completed", false, "education", education with { ReceivedOn = D(3, 2), ClosedOn = D(3, 12), OnTime = true, Rating = "VerySatisfied" }),
            FigureIndex("Completed", false, "water", water with { ReceivedOn = D(3, 2), ClosedOn = D(3, 16), OnTime = false, Rating = "VeryDissatisfied" }),
            FigureIndex("Withdrawn", false, "education", education with { ReceivedOn = D(3, 2), ClosedOn = D(3, 5) }),
        };
        var ids = new List<Guid>();
        foreach (var index in seeds) ids.Add((await CreateAsync(new NewCase(Guid.NewGuid(), "桃山", 2026, Cases.Change(index, "case.received")))).CaseId);
        return [.. ids];
    }

    [Fact]
    public async Task Figures_DeadlineCounts_CountEachLevelPerItemDepartment_SuspendedApart()
    {
        await SeedFigureCasesAsync();

        var counts = await Figures.DeadlineCountsAsync(FigureToday, party: null);

        Assert.Equal([new DeadlineCount("education", 3, 1, 1, 0), new DeadlineCount("water", 1, 0, 0, 1)], counts);
        Assert.Equal([new DeadlineCount("water", 1, 0, 0, 1)], await Figures.DeadlineCountsAsync(FigureToday, party: "water"));
        // A day later the warned case is still warned, and the normal one (warn from 3/18) not yet.
        Assert.Equal(new DeadlineCount("education", 3, 1, 1, 0), (await Figures.DeadlineCountsAsync(FigureToday.AddDays(1), null))[0]);
        Assert.Equal(new DeadlineCount("education", 3, 2, 1, 0), (await Figures.DeadlineCountsAsync(D(3, 18), null))[0]);
        Assert.Equal(new DeadlineCount("education", 3, 0, 3, 0), (await Figures.DeadlineCountsAsync(D(3, 21), null))[0]);
    }

    [Fact]
    public async Task Figures_DeadlineCases_ListOverdueThenWarningThenSuspended_FromTheSameColumns()
    {
        var ids = await SeedFigureCasesAsync();

        var cases = await Figures.DeadlineCasesAsync(FigureToday, party: null, take: 10);

        Assert.Equal([ids[2], ids[1], ids[3]], cases.Select(c => c.Id));
        var suspended = cases[2];
        Assert.True(suspended.Suspended);
        Assert.Equal(("well", "water", D(3, 10), "Suspended"), (suspended.ItemId, suspended.ItemDepartment, suspended.Due, suspended.Status));
        Assert.Equal([ids[2]], (await Figures.DeadlineCasesAsync(FigureToday, null, take: 1)).Select(c => c.Id));
        Assert.Equal([ids[2], ids[1]], (await Figures.DeadlineCasesAsync(FigureToday, "w:comprehensive-1", 10)).Select(c => c.Id));
    }

    [Fact]
    public async Task Figures_AppendKeepsTheFiguresCurrent()
    {
        var ids = await SeedFigureCasesAsync();
        var overdue = FigureIndex("Suspended", true, "education",
            new CaseFigures("teacher", "education", D(3, 13), D(3, 11), Suspended: true, ReceivedOn: D(3, 9)));

        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(ids[2], 1, Cases.Change(overdue, "case.suspended")));

        Assert.Equal(new DeadlineCount("education", 3, 1, 0, 1), (await Figures.DeadlineCountsAsync(FigureToday, null))[0]);
        var closed = FigureIndex("Completed", false, "education",
            new CaseFigures("teacher", "education", ReceivedOn: D(3, 9), ClosedOn: D(3, 16), OnTime: false));
        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(ids[2], 2, Cases.Change(closed, "case.completed")));
        Assert.Equal(new DeadlineCount("education", 2, 1, 0, 0), (await Figures.DeadlineCountsAsync(FigureToday, null))[0]);
        Assert.Equal(new OutcomeCount("education", 5, 2, 1), (await Figures.OutcomeCountsAsync(null))[0]);
    }

    [Fact]
    public async Task Figures_OutcomesDaysAndRatings_CountEveryCase()
    {
        await SeedFigureCasesAsync();

        Assert.Equal([new OutcomeCount("education", 5, 1, 1), new OutcomeCount("water", 2, 1, 0)], await Figures.OutcomeCountsAsync(null));
        Assert.Equal([new OutcomeCount("education", 5, 1, 1)], await Figures.OutcomeCountsAsync("education"));
        Assert.Equal(
            [new DayCount("education", D(3, 9), 2, 0), new DayCount("education", D(3, 12), 0, 1), new DayCount("water", D(3, 16), 0, 1)],
            await Figures.DailyCountsAsync(D(3, 9), null));
        Assert.Equal([new RatingCount("VeryDissatisfied", 1), new RatingCount("VerySatisfied", 1)], await Figures.RatingCountsAsync(null));
        Assert.Equal([new RatingCount("VerySatisfied", 1)], await Figures.RatingCountsAsync("education"));
    }

    [Fact]
    public async Task Figures_Work_PagesOpenCasesByAssignee_EarliestTaskFirst_WithTheTotal()
    {
        var ids = await SeedFigureCasesAsync();

        var unclaimed = await Figures.WorkAsync(new WorkQuery(["|d:education:reviewer#|"]));
        Assert.Equal([ids[0]], unclaimed.Ids);
        Assert.Equal(1, unclaimed.Total);
        Assert.Equal([ids[1], ids[0]], (await Figures.WorkAsync(new WorkQuery(["|d:education:"]))).Ids);
        var page = await Figures.WorkAsync(new WorkQuery(["|d:education:", "|w:comprehensive-1:"], Skip: 1, Take: 1));
        Assert.Equal([ids[1]], page.Ids);
        Assert.Equal(3, page.Total);
        Assert.Equal(0, (await Figures.WorkAsync(new WorkQuery(["|d:edu%"]))).Total);
        Assert.Equal(0, (await Figures.WorkAsync(new WorkQuery([]))).Total);
    }

    [Fact]
    public async Task Figures_ClosedAndRatedLists_ReturnIdsNewestFirst()
    {
        var ids = await SeedFigureCasesAsync();

        Assert.Equal([ids[5], ids[4]], await Figures.ClosedSinceAsync(new ClosedQuery(D(3, 10))));
        Assert.Equal([ids[5], ids[4], ids[6]], await Figures.ClosedSinceAsync(new ClosedQuery(D(3, 1))));
        Assert.Equal([ids[5], ids[4]], await Figures.ClosedSinceAsync(new ClosedQuery(D(3, 1), ExceptStatus: "Withdrawn")));
        Assert.Equal([ids[6]], await Figures.ClosedSinceAsync(new ClosedQuery(D(3, 1), UnratedOnly: true)));
        Assert.Equal([ids[4], ids[6]], await Figures.ClosedSinceAsync(new ClosedQuery(D(3, 1), Party: "education")));
        Assert.Equal([ids[5]], await Figures.RatedAsync(["VeryDissatisfied", "Dissatisfied"], null, 10));
        Assert.Empty(await Figures.RatedAsync(["VeryDissatisfied"], "education", 10));
    }
}

public abstract partial class CaseStoreComplianceTests
{
    [Fact]
    public async Task Figures_CasesStoredWithoutThem_AreFoundAndFilledIn_OnlyAtTheirVersion()
    {
        var bare = await CreateAsync(Cases.New());
        var moved = await CreateAsync(Cases.New());
        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(moved.CaseId, 2, Cases.Change()));

        Assert.Equal(new[] { bare.CaseId, moved.CaseId }.Order(), (await Figures.WithoutFiguresAsync(10)).Order());
        var figures = new CaseFigures("teacher", "education", D(3, 20), D(3, 18), ReceivedOn: D(3, 2), Assignees: "|d:education:reviewer#|", TaskDue: D(3, 20));
        Assert.True(await Figures.SetFiguresAsync(bare.CaseId, 2, figures));
        Assert.False(await Figures.SetFiguresAsync(moved.CaseId, 2, figures)); // it moved on: its own change writes them

        Assert.Equal([moved.CaseId], await Figures.WithoutFiguresAsync(10));
        Assert.Equal([bare.CaseId], (await Figures.WorkAsync(new WorkQuery(["|d:education:"]))).Ids);
        Assert.Equal([new DeadlineCount("education", 1, 1, 0, 0), new DeadlineCount(null, 1, 0, 0, 0)],
            (await Figures.DeadlineCountsAsync(D(3, 18), null)).OrderBy(c => c.Department is null).ToList());
    }
}

/// <summary>告知承诺 核查 outlives 办结: counted past its due date over every case, and in the department's inbox.</summary>
public abstract partial class CaseStoreComplianceTests
{
    [Fact]
    public async Task Figures_PledgeChecksPastDue_AreCountedOnClosedCases_AndTheirCasesStayInTheInbox()
    {
        var checkedLate = FigureIndex("Completed", false, "education", new CaseFigures("teacher", "education", ReceivedOn: D(2, 2), ClosedOn: D(2, 9),
            OnTime: true, Assignees: "|d:education:*#|", TaskDue: D(3, 13), PledgeCheckDue: D(3, 13)));
        var notYetDue = FigureIndex("Completed", false, "water", new CaseFigures("well", "water", ReceivedOn: D(2, 2), ClosedOn: D(2, 9),
            OnTime: true, Assignees: "|d:water:*#|", TaskDue: D(3, 20), PledgeCheckDue: D(3, 20)));
        var late = (await CreateAsync(new NewCase(Guid.NewGuid(), "桃山", 2026, Cases.Change(checkedLate, "case.received")))).CaseId;
        await CreateAsync(new NewCase(Guid.NewGuid(), "桃山", 2026, Cases.Change(notYetDue, "case.received")));

        var counts = await Figures.DeadlineCountsAsync(FigureToday, party: null);

        Assert.Equal([new DeadlineCount("education", 0, 0, 0, 0) { PledgeCheckOverdue = 1 }], counts);
        Assert.Empty(await Figures.DeadlineCountsAsync(FigureToday, party: "water"));
        Assert.Equal(2, (await Figures.DeadlineCountsAsync(D(3, 21), null)).Sum(c => c.PledgeCheckOverdue));
        // Supervision's own lists stay the open cases'.
        Assert.Empty(await Figures.DeadlineCasesAsync(FigureToday, null, 10));

        var inbox = await Figures.WorkAsync(new WorkQuery(["|d:education:"]));
        Assert.Equal([late], inbox.Ids);
        Assert.Equal(1, inbox.Total);
    }
}
