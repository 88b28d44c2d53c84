using Workflows.Engine.Commands;
using Workflows.Engine.Ports;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Scheduling;

/// <summary>
/// Fires one store timer, whoever noticed it was due (a Quartz trigger or a sweep): claim it with
/// <see cref="ICaseStore.MarkFiredAsync"/>, which is true on exactly one node however many race,
/// then run the engine's Tick on the case. A version conflict (a clerk's command in between) is
/// retried on the fresh state. Failures are logged and never escape: a timer must not take a node down.
/// </summary>
public sealed class CaseTimerFiring(ICaseStore store, CaseService cases, DefinitionCatalog catalog, IClock clock, ILogger<CaseTimerFiring> logger)
{
    private const int Attempts = 5;

    /// <summary>Quartz may start a job a moment before its time; more than this means clocks disagree.</summary>
    private static readonly TimeSpan EarlyTolerance = TimeSpan.FromSeconds(1);

    /// <summary>How long a job started early waits for this node's clock to reach the timer.</summary>
    private static readonly TimeSpan EarlyWait = TimeSpan.FromSeconds(30);

    /// <summary>True when this call claimed the timer (and so fired it).</summary>
    public async Task<bool> FireAsync(ScheduledTimer timer, CancellationToken cancellationToken = default)
    {
        // Without definitions the Tick cannot run: leave the timer unclaimed for a later sweep.
        if (catalog.Current is null) return false;
        // Claimed early, a Tick would run on the day before and change nothing, losing the wake:
        // leave a timer that is not yet due on this node's clock to the sweep.
        // In a cluster one node's trigger may fire on another whose clock is a moment behind (or, in
        // tests, not yet moved): wait a little for this node's clock before leaving it to the sweep.
        var waitUntil = DateTimeOffset.UtcNow + EarlyWait;
        while (clock.Now < timer.DueAt - EarlyTolerance && DateTimeOffset.UtcNow < waitUntil)
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        if (clock.Now < timer.DueAt - EarlyTolerance)
        {
            logger.LogWarning("定时器尚未到期，留待巡检 (timer not yet due on this node's clock; left to the sweep): {TimerId} {DueAt:O}", timer.Id, timer.DueAt);
            return false;
        }

        try
        {
            if (!await store.MarkFiredAsync(timer.Id, clock.Now, cancellationToken)) return false;
            logger.LogInformation("定时器已触发 (timer fired): {TimerId}", timer.Id);
            await TickAsync(timer, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "定时器执行失败 (timer failed): {TimerId}", timer.Id);
            return false;
        }
    }

    private async Task TickAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        if (timer.Kind != CaseTimers.TickKind)
            logger.LogWarning("未知定时器类型 {Kind}，按时间推进处理 (unknown timer kind, ticking the case): {TimerId}", timer.Kind, timer.Id);
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var result = await cases.ExecuteAsync(timer.CaseId, new Tick(clock.Now), cancellationToken: cancellationToken);
            switch (result)
            {
                case CaseCommandResult.Conflict when attempt < Attempts:
                    continue;
                case CaseCommandResult.Ok ok:
                    logger.LogInformation("办件 {CaseId} 时间推进至版本 {Version} (case ticked)", timer.CaseId, ok.Version);
                    return;
                default:
                    logger.LogWarning("办件 {CaseId} 时间推进未完成 (tick not applied): {Result}", timer.CaseId, result);
                    return;
            }
        }
    }
}
