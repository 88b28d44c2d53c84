namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private IOutbox Outbox => Assert.IsAssignableFrom<IOutbox>(Store);

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    private static CaseChange WithIntents(params string[] ids) =>
        Cases.Change(eventTypes: "document.issued") with { Intents = ids.Select(id => new NewIntent(id, "document.render", $$"""{"id":"{{id}}"}""")).ToList() };

    [Fact]
    public async Task Append_WithIntents_WritesThemWithTheEventsAtTheNewVersion()
    {
        var created = await CreateAsync(Cases.New());

        Assert.IsType<AppendResult.Appended>(await Store.AppendAsync(created.CaseId, 2, WithIntents("a-3-1", "a-3-2")));

        var intent = Assert.IsType<StoredIntent>(await Outbox.FindIntentAsync("a-3-1"));
        Assert.Equal((created.CaseId, 3L, "document.render", """{"id":"a-3-1"}""", 0, false), (intent.CaseId, intent.Version, intent.Kind, intent.Payload, intent.Attempts, intent.Failed));
        Assert.Null(intent.DoneAt);
        Assert.Equal(["a-3-1", "a-3-2"], (await Outbox.IntentsOfCaseAsync(created.CaseId)).Select(i => i.Id));
    }

    [Fact]
    public async Task Append_Conflicting_WritesNoIntent()
    {
        var created = await CreateAsync(Cases.New());

        Assert.IsType<AppendResult.Conflict>(await Store.AppendAsync(created.CaseId, 1, WithIntents("lost-1")));

        Assert.Null(await Outbox.FindIntentAsync("lost-1"));
        Assert.Empty(await Outbox.PendingIntentsAsync(Cases.T0.AddDays(1), Cases.T0.AddDays(1), 10));
    }

    [Fact]
    public async Task Create_WithIntents_WritesThem_AndARefusedBuildWritesNone()
    {
        var refused = new NewCase(Guid.NewGuid(), "桃山", 2026, _ => throw new InvalidOperationException("refused"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.CreateCaseAsync(refused));
        var created = await CreateAsync(new NewCase(Guid.NewGuid(), "桃山", 2026, WithIntents("c-1-1")));

        Assert.Equal(created.CaseId, (await Outbox.FindIntentAsync("c-1-1"))!.CaseId);
        Assert.Single(await Outbox.PendingIntentsAsync(Cases.T0.AddDays(1), Cases.T0.AddDays(1), 10));
    }

    [Fact]
    public async Task Claim_TwoRacingRunners_ExactlyOneGetsEachIntent()
    {
        var created = await CreateAsync(Cases.New());
        var ids = Enumerable.Range(1, 20).Select(i => $"r-3-{i}").ToArray();
        await Store.AppendAsync(created.CaseId, 2, WithIntents(ids));

        foreach (var id in ids)
        {
            var claims = await RaceAsync(2, _ => Outbox.ClaimIntentAsync(id, Cases.T0, Lease));
            var winner = Assert.Single(claims, c => c is not null)!;
            Assert.Equal(1, winner.Attempts);
        }
    }

    [Fact]
    public async Task Claim_Leased_IsHandedOutAgainOnlyAfterTheLeaseExpires()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, WithIntents("l-3-1"));

        Assert.NotNull(await Outbox.ClaimIntentAsync("l-3-1", Cases.T0, Lease));

        Assert.Null(await Outbox.ClaimIntentAsync("l-3-1", Cases.T0.AddMinutes(1), Lease));
        Assert.Empty(await Outbox.PendingIntentsAsync(Cases.T0.AddDays(1), Cases.T0.AddMinutes(1), 10));
        // The runner died: once its lease is over the sweep sees the intent and another runner takes it.
        Assert.Single(await Outbox.PendingIntentsAsync(Cases.T0.AddDays(1), Cases.T0.AddMinutes(6), 10));
        Assert.Equal(2, (await Outbox.ClaimIntentAsync("l-3-1", Cases.T0.AddMinutes(6), Lease))!.Attempts);
    }

    [Fact]
    public async Task Complete_MarksDoneOnce_AndADoneIntentIsNeverHandedOutAgain()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, WithIntents("d-3-1"));
        await Outbox.ClaimIntentAsync("d-3-1", Cases.T0, Lease);

        var completions = await RaceAsync(2, _ => Outbox.CompleteIntentAsync("d-3-1", Cases.T0.AddSeconds(1)));

        Assert.Single(completions, done => done);
        Assert.NotNull((await Outbox.FindIntentAsync("d-3-1"))!.DoneAt);
        Assert.Null(await Outbox.ClaimIntentAsync("d-3-1", Cases.T0.AddDays(1), Lease));
        Assert.Empty(await Outbox.PendingIntentsAsync(Cases.T0.AddDays(1), Cases.T0.AddDays(1), 10));
    }

    [Fact]
    public async Task Fail_RecordsTheReason_ReleasesTheLease_AndAFinalFailureStaysVisible()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, WithIntents("f-3-1"));
        await Outbox.ClaimIntentAsync("f-3-1", Cases.T0, Lease);

        await Outbox.FailIntentAsync("f-3-1", "接收方不可达 (receiver down)", final: false);
        var retried = await Outbox.ClaimIntentAsync("f-3-1", Cases.T0.AddSeconds(1), Lease);
        await Outbox.FailIntentAsync("f-3-1", "still down", final: true);

        Assert.Equal((2, "接收方不可达 (receiver down)"), (retried!.Attempts, retried.LastError));
        var failed = (await Outbox.FindIntentAsync("f-3-1"))!;
        Assert.Equal((2, "still down", true), (failed.Attempts, failed.LastError, failed.Failed));
        // A later attempt that fails again (an operator's run) keeps it failed, with the new reason.
        await Outbox.ClaimIntentAsync("f-3-1", Cases.T0.AddSeconds(1.5), Lease);
        await Outbox.FailIntentAsync("f-3-1", "down again", final: false);
        Assert.Equal(("down again", true), ((await Outbox.FindIntentAsync("f-3-1"))!.LastError, (await Outbox.FindIntentAsync("f-3-1"))!.Failed));
        // An operator may run it again; success clears the failure.
        Assert.NotNull(await Outbox.ClaimIntentAsync("f-3-1", Cases.T0.AddSeconds(2), Lease));
        Assert.True(await Outbox.CompleteIntentAsync("f-3-1", Cases.T0.AddSeconds(3)));
        Assert.Equal((false, null), ((await Outbox.FindIntentAsync("f-3-1"))!.Failed, (await Outbox.FindIntentAsync("f-3-1"))!.LastError));
    }

    [Fact]
    public async Task PendingIntents_SurviveReopening_OldestFirst()
    {
        var created = await CreateAsync(Cases.New());
        await Store.AppendAsync(created.CaseId, 2, WithIntents("p-3-1", "p-3-2"));

        await ReopenAsync();

        Assert.Equal(["p-3-1", "p-3-2"], (await Outbox.PendingIntentsAsync(Cases.T0.AddDays(1), Cases.T0, 10)).Select(i => i.Id));
        Assert.Empty(await Outbox.PendingIntentsAsync(Cases.T0.AddMinutes(-1), Cases.T0, 10));
    }

    [Fact]
    public async Task Append_WithDocumentNumbers_ReservesThemInItsTransaction_AndAConflictConsumesNone()
    {
        var created = await CreateAsync(Cases.New());
        var request = new DocumentNumberRequest("桃水许准", 2026, "doc-3-1");

        await Store.AppendAsync(created.CaseId, 1, Cases.Change(eventTypes: "document.issued") with { DocumentNumbers = [new("桃水许准", 2026, "lost")] });
        await Store.AppendAsync(created.CaseId, 2, Cases.Change(eventTypes: "document.issued") with { DocumentNumbers = [request] });

        Assert.Equal(1, await Numbers.ReserveDocumentNumberAsync("桃水许准", 2026, created.CaseId, "doc-3-1"));
        Assert.Equal(2, await Numbers.ReserveDocumentNumberAsync("桃水许准", 2026, created.CaseId, "another"));
    }
}
