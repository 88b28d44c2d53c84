namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private static CaseChange Tick(StoredCase stored) =>
        Cases.Change(eventTypes: "timer.fired") with { Intents = [new NewIntent($"tick-{stored.Version + 1}-1", "case.notify", "{}")] };

    [Fact]
    public async Task FireTimer_ClaimsAndAppendsTheTickInOneTransaction()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        await Store.ScheduleAsync(Timer("wake", id, 0));

        var fired = await Store.FireTimerAsync("wake", Cases.T0.AddMinutes(1), Tick);

        Assert.Equal((true, 3L), (fired.Claimed, fired.Version));
        Assert.Equal(3, (await Store.LoadAsync(id))!.Version);
        Assert.Equal("timer.fired", (await Store.ReadEventsAsync(id))[^1].Type);
        Assert.NotNull(await Outbox.FindIntentAsync("tick-3-1"));
        Assert.Empty(await Store.PendingTimersAsync());
        Assert.False((await Store.FireTimerAsync("wake", Cases.T0.AddMinutes(2), Tick)).Claimed);
    }

    [Fact]
    public async Task FireTimer_TickThrows_LeavesTheTimerPendingAndTheCaseUntouched()
    {
        // A crash between the claim and the tick: nothing of either is kept, so the wake is not lost.
        var id = (await CreateAsync(Cases.New())).CaseId;
        await Store.ScheduleAsync(Timer("wake", id, 0));

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store.FireTimerAsync("wake", Cases.T0.AddMinutes(1), _ => throw new InvalidOperationException("crash")));

        Assert.Equal(["wake"], (await Store.DueTimersAsync(Cases.T0.AddMinutes(1))).Select(t => t.Id));
        Assert.Equal(2, (await Store.LoadAsync(id))!.Version);
        Assert.True((await Store.FireTimerAsync("wake", Cases.T0.AddMinutes(2), Tick)).Claimed);
    }

    [Fact]
    public async Task FireTimer_NothingToAppend_StillConsumesTheTimer()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        await Store.ScheduleAsync(Timer("idle", id, 0));

        var fired = await Store.FireTimerAsync("idle", Cases.T0.AddMinutes(1), _ => null);

        Assert.Equal((true, (long?)null), (fired.Claimed, fired.Version));
        Assert.Equal(2, (await Store.LoadAsync(id))!.Version);
        Assert.Empty(await Store.PendingTimersAsync());
    }

    [Fact]
    public async Task FireTimer_TwoRacingNodes_TickTheCaseOnce()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        for (var i = 0; i < 10; i++) await Store.ScheduleAsync(Timer($"w{i}", id, i));

        for (var i = 0; i < 10; i++)
        {
            var fired = await RaceAsync(2, _ => Store.FireTimerAsync($"w{i}", Cases.T0.AddHours(1), Tick));
            Assert.Single(fired, f => f.Claimed);
        }

        Assert.Equal(2 + 10, (await Store.LoadAsync(id))!.Version);
    }
}
