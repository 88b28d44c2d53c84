namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    [Fact]
    public async Task Reopen_KeepsCasesEventsCountersKeysAndTimers()
    {
        var created = await CreateAsync(Cases.New());
        var change = Cases.Change(Cases.Index(status: "in-review"), "task.claimed");
        await Store.AppendAsync(created.CaseId, 2, change, Cases.Key("before-restart"));
        await Store.ScheduleAsync(new ScheduledTimer("pending", created.CaseId, "clock.overdue", Cases.T0.AddDays(10)));
        var eventsBefore = await Store.ReadEventsAsync(created.CaseId);

        await ReopenAsync();

        var loaded = await Store.LoadAsync(created.CaseId);
        Assert.Equal(new StoredCase(created.CaseId, created.Number, 3, change.Snapshot), loaded);
        Assert.Equal(eventsBefore, await Store.ReadEventsAsync(created.CaseId));
        Assert.Equal(["pending"], (await Store.PendingTimersAsync()).Select(t => t.Id));
        Assert.Equal(new AppendResult.Appended(3, Replayed: true),
            await Store.AppendAsync(created.CaseId, 2, change, Cases.Key("before-restart")));
        Assert.Equal(2, (await CreateAsync(Cases.New())).Number.Sequence);
        Assert.Empty(await Store.VerifyAsync());
    }

    [Fact]
    public async Task Reopen_AnExistingStore_KeepsItsSchemaWithoutRecreatingIt()
    {
        await CreateAsync(Cases.New());

        await ReopenAsync();
        await ReopenAsync();

        Assert.Single((await Store.SearchAsync(new CaseQuery())).Items);
    }
}
