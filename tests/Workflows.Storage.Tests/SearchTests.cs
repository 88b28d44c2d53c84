namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private async Task<CreateResult.Created[]> SeedSearchCasesAsync()
    {
        // Created in order so "newest first" is predictable: each case's first event is later.
        var seeds = new[]
        {
            Cases.Index("received", "市场监管局", "张三", "110101199003071234", new DateOnly(2026, 3, 10)),
            Cases.Index("in-review", "水务局", "张三丰", "110101199003075678", new DateOnly(2026, 3, 20)) with
            {
                Parties = CaseIndex.PartiesOf(["water", "agriculture", "w:comprehensive-2"]),
            },
            // A rare character outside the BMP (U+20000) right after the prefix: still a match.
            Cases.Index("in-review", "市场监管局", "李\U00020000", "91110000MA01234567", new DateOnly(2026, 4, 1)),
            new CaseIndex("completed", "教育局", "王_五", null, null, CaseIndex.PartiesOf(["education", "w:comprehensive-1"]), Open: false),
        };
        var created = new List<CreateResult.Created>();
        for (var i = 0; i < seeds.Length; i++)
        {
            var change = Cases.Change(seeds[i], "case.received");
            var at = Cases.T0.AddHours(i);
            change = change with { Events = [change.Events[0] with { RecordedAt = at }] };
            created.Add(await CreateAsync(new NewCase(Guid.NewGuid(), "桃山", 2026, change)));
        }
        return [.. created];
    }

    private async Task<List<Guid>> SearchIdsAsync(CaseQuery query) =>
        (await Store.SearchAsync(query)).Items.Select(i => i.Id).ToList();

    [Fact]
    public async Task Search_ByNumber_FindsExactlyThatCase()
    {
        var cases = await SeedSearchCasesAsync();

        var page = await Store.SearchAsync(new CaseQuery { Number = "桃山-2026-000002" });

        var hit = Assert.Single(page.Items);
        Assert.Equal(cases[1].CaseId, hit.Id);
        Assert.Equal(cases[1].Number, hit.Number);
        Assert.Equal("张三丰", hit.Index.ApplicantName);
        Assert.Equal(1, hit.Version);
    }

    [Fact]
    public async Task Search_ByApplicantNamePrefix_MatchesNamesStartingWithIt()
    {
        var cases = await SeedSearchCasesAsync();

        Assert.Equal([cases[1].CaseId, cases[0].CaseId], await SearchIdsAsync(new CaseQuery { ApplicantNamePrefix = "张" }));
        Assert.Equal([cases[1].CaseId], await SearchIdsAsync(new CaseQuery { ApplicantNamePrefix = "张三丰" }));
        Assert.Equal([cases[2].CaseId], await SearchIdsAsync(new CaseQuery { ApplicantNamePrefix = "李" }));
        Assert.Empty(await SearchIdsAsync(new CaseQuery { ApplicantNamePrefix = "张三丰丰" }));
    }

    [Fact]
    public async Task Search_NamePrefixWithWildcardCharacters_MatchesThemLiterally()
    {
        var cases = await SeedSearchCasesAsync();

        Assert.Equal([cases[3].CaseId], await SearchIdsAsync(new CaseQuery { ApplicantNamePrefix = "王_" }));
        Assert.Empty(await SearchIdsAsync(new CaseQuery { ApplicantNamePrefix = "%" }));
    }

    [Fact]
    public async Task Search_ByApplicantIdStatusAndDepartment_AppliesEachFilter()
    {
        var cases = await SeedSearchCasesAsync();

        Assert.Equal([cases[2].CaseId], await SearchIdsAsync(new CaseQuery { ApplicantId = "91110000MA01234567" }));
        Assert.Equal([cases[2].CaseId, cases[1].CaseId], await SearchIdsAsync(new CaseQuery { Status = "in-review" }));
        Assert.Equal([cases[2].CaseId, cases[0].CaseId], await SearchIdsAsync(new CaseQuery { Department = "市场监管局" }));
        Assert.Equal([cases[2].CaseId], await SearchIdsAsync(new CaseQuery { Status = "in-review", Department = "市场监管局" }));
    }

    [Fact]
    public async Task Search_DueBefore_ReturnsCasesDueEarlierOnly()
    {
        var cases = await SeedSearchCasesAsync();

        Assert.Equal([cases[1].CaseId, cases[0].CaseId], await SearchIdsAsync(new CaseQuery { DueBefore = new DateOnly(2026, 4, 1) }));
        Assert.Equal([cases[0].CaseId], await SearchIdsAsync(new CaseQuery { DueBefore = new DateOnly(2026, 3, 20) }));
    }

    [Fact]
    public async Task Search_Paged_ReturnsNewestFirstAndTellsWhetherMoreExist()
    {
        var cases = await SeedSearchCasesAsync();

        var first = await Store.SearchAsync(new CaseQuery { Take = 3 });
        var second = await Store.SearchAsync(new CaseQuery { Skip = 3, Take = 3 });

        Assert.Equal([cases[3].CaseId, cases[2].CaseId, cases[1].CaseId], first.Items.Select(i => i.Id));
        Assert.True(first.HasMore);
        Assert.Equal([cases[0].CaseId], second.Items.Select(i => i.Id));
        Assert.False(second.HasMore);
    }

    [Fact]
    public async Task Search_AfterAppend_SeesTheNewSnapshotColumns()
    {
        var cases = await SeedSearchCasesAsync();

        await Store.AppendAsync(cases[0].CaseId, 1, Cases.Change(Cases.Index(status: "completed", department: "教育局"), "case.completed"));

        Assert.Equal([cases[3].CaseId, cases[0].CaseId], await SearchIdsAsync(new CaseQuery { Status = "completed" }));
        Assert.Empty(await SearchIdsAsync(new CaseQuery { Status = "received" }));
    }

    [Fact]
    public async Task Search_ByPartyAndOpenOnly_FindsWhoIsInvolvedAndSkipsClosedCases()
    {
        var cases = await SeedSearchCasesAsync();

        Assert.Equal([cases[1].CaseId], await SearchIdsAsync(new CaseQuery { Party = "agriculture" }));
        Assert.Equal([cases[3].CaseId], await SearchIdsAsync(new CaseQuery { Party = "w:comprehensive-1" }));
        Assert.Empty(await SearchIdsAsync(new CaseQuery { Party = "agri" }));
        Assert.Empty(await SearchIdsAsync(new CaseQuery { Party = "education", OpenOnly = true }));
        Assert.Equal(3, (await SearchIdsAsync(new CaseQuery { OpenOnly = true })).Count);
        var closed = (await Store.SearchAsync(new CaseQuery { Party = "education" })).Items.Single();
        Assert.False(closed.Index.Open);
        Assert.Equal("|education|w:comprehensive-1|", closed.Index.Parties);
    }
}
