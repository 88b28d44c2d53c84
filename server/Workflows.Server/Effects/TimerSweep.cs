using Workflows.Engine.Ports;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Effects;

/// <summary>
/// Fires every store timer due on the server's clock (a Hangfire recurring job each minute, at
/// start, and at once when a test moves the clock). Each timer is claimed and its Tick appended in
/// one store transaction (<see cref="CaseService.FireTimerAsync"/>), so however many nodes sweep,
/// each timer fires once, and a crash cannot strand a claimed timer without its tick.
/// </summary>
public sealed class TimerSweep(ICaseStore store, CaseService cases, DefinitionCatalog catalog, IClock clock, ILogger<TimerSweep> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Returns how many timers this node fired.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        // Without definitions no Tick can run: leave the timers for a later sweep.
        if (catalog.Current is null) return 0;
        await _gate.WaitAsync(ct);
        try
        {
            var fired = 0;
            foreach (var timer in await store.DueTimersAsync(clock.Now, ct))
            {
                try
                {
                    if (await cases.FireTimerAsync(timer, ct))
                    {
                        fired++;
                        logger.LogInformation("定时器已触发 (timer fired): {TimerId}", timer.Id);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Rolled back with its claim: the timer stays pending for the next sweep.
                    logger.LogError(e, "定时器执行失败，下次巡检重试 (timer failed; retried next sweep): {TimerId}", timer.Id);
                }
            }
            return fired;
        }
        finally
        {
            _gate.Release();
        }
    }
}
