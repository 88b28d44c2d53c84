namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    [Fact]
    public async Task Append_RetriedWithSameKey_ReturnsOriginalResultWithoutWriting()
    {
        var created = await CreateAsync(Cases.New());
        var key = Cases.Key("retry-1");

        var first = await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: "task.completed"), key);
        // The retry is the same request replayed: same expected version, fresh timestamps.
        var retry = await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: "task.completed"), key);

        Assert.Equal(new AppendResult.Appended(3), first);
        Assert.Equal(new AppendResult.Appended(3, Replayed: true), retry);
        Assert.Equal(3, (await Store.ReadEventsAsync(created.CaseId)).Count);
    }

    [Fact]
    public async Task Append_SameKeyWithDifferentRequest_ReturnsIdempotencyMismatch()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: "task.completed"), Cases.Key("k", "complete"));

        var result = await Store.AppendAsync(created.CaseId, 3, Cases.Change(eventTypes: "case.refused"), Cases.Key("k", "refuse"));

        Assert.Equal(new AppendResult.IdempotencyMismatch("k"), result);
        Assert.Equal(3, (await Store.ReadEventsAsync(created.CaseId)).Count);
    }

    [Fact]
    public async Task Append_SameKeyOnAnotherCase_ReturnsIdempotencyMismatch()
    {
        var one = await CreateAsync(Cases.New());
        var other = await CreateAsync(Cases.New());
        await Store.AppendAsync(one.CaseId, 2, Cases.Change(), Cases.Key("shared"));

        var result = await Store.AppendAsync(other.CaseId, 2, Cases.Change(), Cases.Key("shared"));

        Assert.Equal(new AppendResult.IdempotencyMismatch("shared"), result);
        Assert.Equal(2, (await Store.LoadAsync(other.CaseId))!.Version);
    }

    [Fact]
    public async Task Append_ConcurrentRetriesWithSameKey_WriteOnce()
    {
        var created = await CreateAsync(Cases.New());

        var results = await RaceAsync(4, _ => Store.AppendAsync(created.CaseId, 2, Cases.Change(), Cases.Key("burst")));

        Assert.All(results, r => Assert.Equal(3, Assert.IsType<AppendResult.Appended>(r).Version));
        Assert.Single(results, r => r is AppendResult.Appended { Replayed: false });
        Assert.Equal(3, (await Store.ReadEventsAsync(created.CaseId)).Count);
    }

    [Fact]
    public async Task CreateCase_RetriedWithSameKey_ReturnsSameCaseAndConsumesNoNumber()
    {
        var newCase = Cases.New() with { IdempotencyKey = Cases.Key("create-1", "POST /cases {...}") };

        var first = await CreateAsync(newCase);
        var retry = await CreateAsync(newCase);
        var next = await CreateAsync(Cases.New());

        Assert.Equal(first with { Replayed = true }, retry);
        Assert.Equal(2, next.Number.Sequence);
        Assert.Equal(2, (await Store.ReadEventsAsync(first.CaseId)).Count);
    }

    [Fact]
    public async Task CreateCase_ConcurrentRetriesWithSameKey_CreateOnce()
    {
        var newCase = Cases.New() with { IdempotencyKey = Cases.Key("create-burst", "POST /cases {...}") };

        var results = await RaceAsync(4, _ => CreateAsync(newCase));
        var next = await CreateAsync(Cases.New());

        Assert.All(results, r => Assert.Equal("桃山-2026-000001", r.Number.Text));
        Assert.Single(results, r => !r.Replayed);
        Assert.Equal(2, next.Number.Sequence);
    }

    [Fact]
    public async Task CreateCase_SameKeyWithDifferentRequest_ReturnsIdempotencyMismatch()
    {
        await CreateAsync(Cases.New() with { IdempotencyKey = Cases.Key("create-2", "POST /cases {a}") });

        var result = await Store.CreateCaseAsync(Cases.New() with { IdempotencyKey = Cases.Key("create-2", "POST /cases {b}") });
        var next = await CreateAsync(Cases.New());

        Assert.Equal(new CreateResult.IdempotencyMismatch("create-2"), result);
        Assert.Equal(2, next.Number.Sequence);
    }

    [Fact]
    public async Task FindRequest_TellsRetriesFromReusedKeysAndUnknownKeys()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, Cases.Change(), Cases.Key("accept-1", "POST accept {a}"));

        var retry = await Store.FindRequestAsync(Cases.Key("accept-1", "POST accept {a}"));
        var reused = await Store.FindRequestAsync(Cases.Key("accept-1", "POST accept {b}"));
        var unknown = await Store.FindRequestAsync(Cases.Key("never-used"));

        Assert.Equal(new PriorRequest(created.CaseId, 3, SameRequest: true), retry);
        Assert.Equal(new PriorRequest(created.CaseId, 3, SameRequest: false), reused);
        Assert.Null(unknown);
    }
}
