namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    [Fact]
    public async Task CreateCase_FirstOfOfficeAndYear_GetsNumberOneInDefaultFormat()
    {
        var created = await CreateAsync(Cases.New("桃山", 2026));

        Assert.Equal("桃山-2026-000001", created.Number.Text);
        Assert.Equal(new CaseNumber("桃山", 2026, 1, "桃山-2026-000001"), created.Number);
        Assert.False(created.Replayed);
    }

    [Fact]
    public async Task CreateCase_CountsSeparatelyPerOfficeAndYear()
    {
        var first = await CreateAsync(Cases.New("桃山", 2026));
        var second = await CreateAsync(Cases.New("桃山", 2026));
        var nextYear = await CreateAsync(Cases.New("桃山", 2027));
        var otherOffice = await CreateAsync(Cases.New("杏林", 2026));

        Assert.Equal("桃山-2026-000001", first.Number.Text);
        Assert.Equal("桃山-2026-000002", second.Number.Text);
        Assert.Equal("桃山-2027-000001", nextYear.Number.Text);
        Assert.Equal("杏林-2026-000001", otherOffice.Number.Text);
    }

    [Fact]
    public async Task CreateCase_WithConfiguredPattern_FormatsNumberFromIt()
    {
        var created = await CreateAsync(Cases.New() with { NumberFormat = new CaseNumberFormat("{year}{short-name}第{seq:4}号") });

        Assert.Equal("2026桃山第0001号", created.Number.Text);
    }

    [Fact]
    public async Task CreateCase_EightConcurrentCreators_GetUniqueGapFreeNumbers()
    {
        const int creators = 8, casesEach = 5;

        var numbers = await RaceAsync(creators, async _ =>
        {
            var mine = new List<CaseNumber>();
            for (var i = 0; i < casesEach; i++) mine.Add((await CreateAsync(Cases.New())).Number);
            return mine;
        });

        var sequences = numbers.SelectMany(n => n).Select(n => n.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(1, creators * casesEach).Select(i => (long)i), sequences);
        Assert.Equal(creators * casesEach, numbers.SelectMany(n => n).Select(n => n.Text).Distinct().Count());
    }

    [Fact]
    public async Task CreateCase_RolledBackCreation_ConsumesNoNumber()
    {
        var first = await CreateAsync(Cases.New());

        // Same id again: the insert fails after the counter moved, so the transaction rolls back.
        await Assert.ThrowsAsync<DuplicateCaseException>(() => Store.CreateCaseAsync(Cases.New(id: first.CaseId)));
        var next = await CreateAsync(Cases.New());

        Assert.Equal(2, next.Number.Sequence);
        Assert.Equal(2, (await Store.ReadEventsAsync(first.CaseId)).Count);
    }

    [Fact]
    public async Task CreateCase_StoresFirstEventsAndSnapshotTogether()
    {
        var newCase = Cases.New();
        var initial = newCase.Build(new CaseNumber("桃山", 2026, 1, "unused"));

        var created = await CreateAsync(newCase);
        var loaded = await Store.LoadAsync(created.CaseId);
        var events = await Store.ReadEventsAsync(created.CaseId);

        Assert.NotNull(loaded);
        Assert.Equal(created.Number, loaded.Number);
        Assert.Equal(2, loaded.Version);
        Assert.Equal(initial.Snapshot, loaded.Snapshot);
        Assert.Equal([1L, 2L], events.Select(e => e.Sequence));
        Assert.Equal(initial.Events.Select(e => e.Type), events.Select(e => e.Type));
        Assert.Equal(initial.Events.Select(e => e.Payload), events.Select(e => e.Payload));
        Assert.Equal(initial.Events.Select(e => e.RecordedAt), events.Select(e => e.RecordedAt));
    }

    [Fact]
    public async Task CreateCase_BuildReceivesTheAllocatedNumber_SoTheFirstEventsCarryIt()
    {
        await CreateAsync(Cases.New());
        CaseNumber? seen = null;
        var newCase = new NewCase(Guid.NewGuid(), "桃山", 2026, number =>
        {
            seen = number;
            return Cases.New().Build(number) with { };
        });

        var created = await CreateAsync(newCase);

        Assert.Equal(created.Number, seen);
        Assert.Equal(2, created.Number.Sequence);
    }

    [Fact]
    public async Task CreateCase_BuildThatThrows_WritesNothingAndConsumesNoNumber()
    {
        var failing = new NewCase(Guid.NewGuid(), "桃山", 2026, _ => throw new InvalidOperationException("engine refused"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateCaseAsync(failing));
        var next = await CreateAsync(Cases.New());

        Assert.Null(await Store.LoadAsync(failing.Id));
        Assert.Equal(1, next.Number.Sequence);
    }
}
