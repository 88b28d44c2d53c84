namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    [Fact]
    public async Task Append_AtCurrentVersion_AddsEventsAndReplacesSnapshot()
    {
        var created = await CreateAsync(Cases.New());
        var change = Cases.Change(Cases.Index(status: "in-review", department: "水务局"), "task.claimed", "task.completed");

        var result = await Store.AppendAsync(created.CaseId, 2, change);
        var loaded = await Store.LoadAsync(created.CaseId);
        var events = await Store.ReadEventsAsync(created.CaseId);

        Assert.Equal(new AppendResult.Appended(4), result);
        Assert.Equal(4, loaded!.Version);
        Assert.Equal(change.Snapshot, loaded.Snapshot);
        Assert.Equal(["case.received", "case.accepted", "task.claimed", "task.completed"], events.Select(e => e.Type));
        Assert.Equal([1L, 2L, 3L, 4L], events.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Append_WithStaleVersion_ReturnsConflictAndWritesNothing()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: "case.urged"));

        var result = await Store.AppendAsync(created.CaseId, 2, Cases.Change(Cases.Index(status: "refused"), "case.refused"));

        Assert.Equal(new AppendResult.Conflict(2, 3), result);
        var loaded = await Store.LoadAsync(created.CaseId);
        Assert.Equal(3, loaded!.Version);
        Assert.Equal("received", loaded.Snapshot.Index.Status);
        Assert.Equal(3, (await Store.ReadEventsAsync(created.CaseId)).Count);
    }

    [Fact]
    public async Task Append_TwoWritersAtSameVersion_ExactlyOneWins()
    {
        for (var round = 0; round < 10; round++)
        {
            var created = await CreateAsync(Cases.New());

            var results = await RaceAsync(2, i =>
                Store.AppendAsync(created.CaseId, 2, Cases.Change(Cases.Index(status: $"writer-{i}"), "task.completed")));

            Assert.Single(results.OfType<AppendResult.Appended>());
            Assert.Equal(new AppendResult.Conflict(2, 3), Assert.Single(results.OfType<AppendResult.Conflict>()));
            var loaded = await Store.LoadAsync(created.CaseId);
            var winner = Array.FindIndex(results, r => r is AppendResult.Appended);
            Assert.Equal($"writer-{winner}", loaded!.Snapshot.Index.Status);
            Assert.Equal(3, (await Store.ReadEventsAsync(created.CaseId)).Count);
        }
    }

    [Fact]
    public async Task Append_ToMissingCase_ReturnsNotFound()
    {
        var id = Guid.NewGuid();

        var result = await Store.AppendAsync(id, 0, Cases.Change());

        Assert.Equal(new AppendResult.NotFound(id), result);
    }

    [Fact]
    public async Task Append_WithoutEvents_IsRejected()
    {
        var created = await CreateAsync(Cases.New());
        var empty = new CaseChange([], new CaseSnapshot("{}", Cases.Index()));

        await Assert.ThrowsAsync<ArgumentException>(() => Store.AppendAsync(created.CaseId, 2, empty));
    }

    [Fact]
    public async Task Load_MissingCase_ReturnsNullAndNoEvents()
    {
        var id = Guid.NewGuid();

        Assert.Null(await Store.LoadAsync(id));
        Assert.Empty(await Store.ReadEventsAsync(id));
    }
}
