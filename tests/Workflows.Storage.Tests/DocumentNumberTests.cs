namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private IDocumentNumbers Numbers => (IDocumentNumbers)Store;

    [Fact]
    public async Task ReserveDocumentNumber_CountsPerSeriesAndYear_AndDoesNotTouchCaseNumbers()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        Assert.Equal(1, await Numbers.ReserveDocumentNumberAsync("桃水", 2026, a, "notices/approval-decision#1"));
        Assert.Equal(2, await Numbers.ReserveDocumentNumberAsync("桃水", 2026, b, "notices/approval-decision#1"));
        Assert.Equal(1, await Numbers.ReserveDocumentNumberAsync("桃教", 2026, a, "notices/special-procedure#1"));
        Assert.Equal(1, await Numbers.ReserveDocumentNumberAsync("桃水", 2027, a, "notices/extension#1"));
        Assert.Equal("桃山-2026-000001", (await CreateAsync(Cases.New("桃山", 2026))).Number.Text);
    }

    [Fact]
    public async Task ReserveDocumentNumber_SameDocumentAgain_GetsTheSameNumber()
    {
        var id = Guid.NewGuid();
        var first = await Numbers.ReserveDocumentNumberAsync("桃农", 2026, id, "notices/denial-decision#1");
        var retried = await Numbers.ReserveDocumentNumberAsync("桃农", 2026, id, "notices/denial-decision#1");
        var next = await Numbers.ReserveDocumentNumberAsync("桃农", 2026, id, "notices/denial-decision#2");

        Assert.Equal(first, retried);
        Assert.Equal(first + 1, next);
    }

    [Fact]
    public async Task ReserveDocumentNumber_ConcurrentRequests_AreUniqueAndGapFree_AndARaceOnOneDocumentSharesItsNumber()
    {
        var cases = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        // Six workers each reserve the six cases' decisions: every case's decision once, however many ask for it.
        var numbers = await RaceAsync(6, async worker =>
        {
            var mine = new List<(Guid, long)>();
            foreach (var id in cases.Skip(worker).Concat(cases.Take(worker)))
                mine.Add((id, await Numbers.ReserveDocumentNumberAsync("桃财", 2026, id, "notices/approval-decision#1")));
            return mine;
        });

        var byCase = numbers.SelectMany(n => n).GroupBy(n => n.Item1).ToDictionary(g => g.Key, g => g.Select(n => n.Item2).Distinct().Single());
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), byCase.Values.Order());
    }
}
