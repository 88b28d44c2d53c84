using Workflows.Engine.Ports;
using Workflows.Server.Cases;
using Workflows.Storage;

namespace Workflows.Server.Scheduling;

/// <summary>
/// Keeps the scheduler in step with the store. On start it rebuilds the Quartz triggers from
/// <see cref="ICaseStore.PendingTimersAsync"/> (the in-memory scheduler of a single node forgets
/// them on restart) and fires what fell due while no node ran; then it sweeps every few minutes,
/// and at once when a test moves the server's clock. A sweep fires through the same claim as a
/// Quartz trigger, so a timer noticed by both still fires once.
/// </summary>
public sealed class CaseTimerSweeper(ICaseStore store, CaseTimerFiring firing, QuartzCaseTimerSink sink, IClock clock,
    SchedulingOptions options, ILogger<CaseTimerSweeper> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var movable = clock as ServerClock;
        if (movable is not null) movable.Moved += OnMoved;
        try
        {
            var rebuilt = await RebuildAsync(replace: false, stoppingToken);
            if (rebuilt > 0) logger.LogInformation("已从存储恢复 {Count} 个定时器 (timers rebuilt from the store)", rebuilt);
            await SweepAsync(stoppingToken);
            using var interval = new PeriodicTimer(options.SweepInterval);
            while (await interval.WaitForNextTickAsync(stoppingToken)) await SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (movable is not null) movable.Moved -= OnMoved;
        }
    }

    /// <summary>Fires every timer due on the server's clock that no node has fired yet; returns how many this node fired.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var fired = 0;
            foreach (var timer in await store.DueTimersAsync(clock.Now, cancellationToken))
            {
                if (await firing.FireAsync(timer, cancellationToken)) fired++;
            }

            return fired;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "定时器巡检失败 (timer sweep failed)");
            return 0;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Arms a Quartz trigger for every pending store timer (moving armed ones when <paramref name="replace"/>).</summary>
    public async Task<int> RebuildAsync(bool replace, CancellationToken cancellationToken = default)
    {
        try
        {
            return await sink.ArmAsync(await store.PendingTimersAsync(cancellationToken), replace, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "定时器恢复失败 (rebuilding timers failed)");
            return 0;
        }
    }

    /// <summary>After the test clock moved: fire what became due, then re-aim the triggers at the new offset.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await SweepAsync(cancellationToken);
        await RebuildAsync(replace: true, cancellationToken);
    }

    private void OnMoved() => _ = Task.Run(() => CatchUpAsync());
}
