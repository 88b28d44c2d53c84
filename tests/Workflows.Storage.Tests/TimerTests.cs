namespace Workflows.Storage.Tests;

public abstract partial class CaseStoreComplianceTests
{
    private static ScheduledTimer Timer(string id, Guid caseId, int minutesAfterT0) =>
        new(id, caseId, "clock.warning", Cases.T0.AddMinutes(minutesAfterT0), """{"step":"review"}""");

    [Fact]
    public async Task DueTimers_ReturnsOnlyUnfiredTimersDueByNow()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        await Store.ScheduleAsync(Timer("early", id, 10));
        await Store.ScheduleAsync(Timer("late", id, 120));

        var due = await Store.DueTimersAsync(Cases.T0.AddMinutes(60));

        Assert.Equal([Timer("early", id, 10)], due);
        Assert.Equal(["early", "late"], (await Store.PendingTimersAsync()).Select(t => t.Id));
    }

    [Fact]
    public async Task MarkFired_TwoConcurrentClaimers_ExactlyOneWins()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        for (var i = 0; i < 20; i++) await Store.ScheduleAsync(Timer($"t{i}", id, i));

        for (var i = 0; i < 20; i++)
        {
            var claims = await RaceAsync(2, _ => Store.MarkFiredAsync($"t{i}", Cases.T0.AddHours(1)));
            Assert.Single(claims, claimed => claimed);
        }
        Assert.Empty(await Store.PendingTimersAsync());
    }

    [Fact]
    public async Task MarkFired_FiredTimer_IsNeitherDueNorClaimableAgain()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        await Store.ScheduleAsync(Timer("once", id, 0));

        Assert.True(await Store.MarkFiredAsync("once", Cases.T0.AddMinutes(1)));

        Assert.False(await Store.MarkFiredAsync("once", Cases.T0.AddMinutes(2)));
        Assert.Empty(await Store.DueTimersAsync(Cases.T0.AddDays(1)));
        Assert.False(await Store.MarkFiredAsync("never-scheduled", Cases.T0));
    }

    [Fact]
    public async Task Schedule_AlreadyFiredTimerAgain_LeavesItFired()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        await Store.ScheduleAsync(Timer("once", id, 0));
        await Store.MarkFiredAsync("once", Cases.T0);

        await Store.ScheduleAsync(Timer("once", id, 30));

        Assert.Empty(await Store.PendingTimersAsync());
    }

    [Fact]
    public async Task Schedule_PendingTimerAgain_MovesItsDueTime()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        await Store.ScheduleAsync(Timer("moving", id, 10));

        await Store.ScheduleAsync(Timer("moving", id, 90));

        Assert.Equal([Timer("moving", id, 90)], await Store.PendingTimersAsync());
    }

    [Fact]
    public async Task CancelTimer_RemovesPendingTimer()
    {
        var id = (await CreateAsync(Cases.New())).CaseId;
        await Store.ScheduleAsync(Timer("cancelled", id, 10));

        await Store.CancelTimerAsync("cancelled");

        Assert.Empty(await Store.PendingTimersAsync());
        Assert.False(await Store.MarkFiredAsync("cancelled", Cases.T0.AddHours(1)));
    }

    [Fact]
    public async Task CreateAndAppend_WithTimers_ScheduleThemInTheSameTransaction()
    {
        var id = Guid.NewGuid();
        var initial = Cases.Change(eventTypes: "case.received") with { Timers = [Timer("acceptance", id, 5)] };
        await CreateAsync(new NewCase(id, "桃山", 2026, initial));

        await Store.AppendAsync(id, 1, Cases.Change(eventTypes: "case.accepted") with { Timers = [Timer("overdue", id, 60)] });
        // A stale append writes nothing, timers included.
        await Store.AppendAsync(id, 1, Cases.Change(eventTypes: "case.refused") with { Timers = [Timer("stale", id, 1)] });

        Assert.Equal(["acceptance", "overdue"], (await Store.PendingTimersAsync()).Select(t => t.Id));
    }
}
