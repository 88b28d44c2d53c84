namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    /// <summary>A case with five events, so tampering in the middle leaves links on both sides.</summary>
    private async Task<Guid> CreateFiveEventCaseAsync()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: ["task.claimed", "task.completed", "case.decided"]));
        return created.CaseId;
    }

    [Fact]
    public async Task Events_AreChainedFromGenesisWithTheSharedHash()
    {
        var id = await CreateFiveEventCaseAsync();

        var events = await Store.ReadEventsAsync(id);

        var previous = EventHash.Genesis;
        foreach (var e in events)
        {
            Assert.Equal(EventHash.Compute(previous, id, e.Sequence, e.Type, e.Payload, e.RecordedAt), e.Hash);
            previous = e.Hash;
        }
    }

    [Fact]
    public async Task Verify_UntouchedStore_ReportsNothing()
    {
        await CreateFiveEventCaseAsync();
        await CreateFiveEventCaseAsync();

        Assert.Empty(await Store.VerifyAsync());
    }

    [Fact]
    public async Task Verify_EditedPayload_ReportsThatEvent()
    {
        var untouched = await CreateFiveEventCaseAsync();
        var id = await CreateFiveEventCaseAsync();

        await ExecuteRawAsync("""UPDATE events SET payload = '{"申请人":"李四"}' WHERE case_id = @case AND seq = 3""", id);
        var breaks = await Store.VerifyAsync();

        var only = Assert.Single(breaks);
        Assert.Equal((id, 3L, ChainBreakKind.HashMismatch), (only.CaseId, only.Sequence, only.Kind));
        Assert.DoesNotContain(breaks, b => b.CaseId == untouched);
    }

    [Fact]
    public async Task Verify_DeletedEvent_ReportsItMissing()
    {
        var id = await CreateFiveEventCaseAsync();

        await ExecuteRawAsync("DELETE FROM events WHERE case_id = @case AND seq = 3", id);
        var breaks = await Store.VerifyAsync();

        Assert.Contains(breaks, b => b.CaseId == id && b.Sequence == 3 && b.Kind == ChainBreakKind.MissingEvent);
        // The next event's link to its predecessor is broken too.
        Assert.Contains(breaks, b => b.CaseId == id && b.Sequence == 4 && b.Kind == ChainBreakKind.HashMismatch);
    }

    [Fact]
    public async Task Verify_DeletedLastEvent_ReportsTheShortenedHead()
    {
        var id = await CreateFiveEventCaseAsync();

        await ExecuteRawAsync("DELETE FROM events WHERE case_id = @case AND seq = 5", id);
        var breaks = await Store.VerifyAsync();

        var only = Assert.Single(breaks);
        Assert.Equal((id, 5L, ChainBreakKind.HeadMismatch), (only.CaseId, only.Sequence, only.Kind));
    }

    [Fact]
    public async Task Verify_ReorderedSequence_ReportsBothMovedEvents()
    {
        var id = await CreateFiveEventCaseAsync();

        await ExecuteRawAsync("UPDATE events SET seq = -1 WHERE case_id = @case AND seq = 2", id);
        await ExecuteRawAsync("UPDATE events SET seq = 2 WHERE case_id = @case AND seq = 3", id);
        await ExecuteRawAsync("UPDATE events SET seq = 3 WHERE case_id = @case AND seq = -1", id);
        var breaks = await Store.VerifyAsync();

        var mismatched = breaks.Where(b => b.Kind == ChainBreakKind.HashMismatch).Select(b => b.Sequence).ToList();
        Assert.Contains(2L, mismatched);
        Assert.Contains(3L, mismatched);
        Assert.All(breaks, b => Assert.Equal(id, b.CaseId));
    }

    [Fact]
    public async Task Verify_EventsOfDeletedCase_ReportsOrphans()
    {
        var id = await CreateFiveEventCaseAsync();

        await ExecuteRawAsync("DELETE FROM cases WHERE id = @case", id);
        var breaks = await Store.VerifyAsync();

        var only = Assert.Single(breaks);
        Assert.Equal((id, ChainBreakKind.OrphanEvents), (only.CaseId, only.Kind));
    }
}
