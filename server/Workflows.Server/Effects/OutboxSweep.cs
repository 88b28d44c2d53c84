using Workflows.Storage;

namespace Workflows.Server.Effects;

/// <summary>
/// Finds intents a crash left behind (committed, never enqueued, or claimed by a runner that died
/// and whose lease ran out) and enqueues them again. Runs as a recurring job and once at start.
/// An intent younger than <see cref="EffectsOptions.SweepAge"/> is left to its own hand-off.
/// </summary>
public sealed class OutboxSweep(ICaseStore store, IEffectQueue queue, EffectsOptions options, ILogger<OutboxSweep> logger)
{
    private const int Batch = 500;

    public async Task<int> SweepAsync(CancellationToken ct = default) => await SweepAsync(options.SweepAge, ct);

    public async Task<int> SweepAsync(TimeSpan age, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var pending = await ((IOutbox)store).PendingIntentsAsync(now - age, now, Batch, ct);
        // Failed intents wait for an operator (the dashboard's requeue); the sweep does not retry them forever.
        var stranded = pending.Where(i => !i.Failed).Select(i => i.Id).ToList();
        if (stranded.Count == 0) return 0;
        logger.LogInformation("巡检：重新排队 {Count} 个未完成的效果 (outbox sweep re-enqueued effects)", stranded.Count);
        await queue.EnqueueAsync(stranded, ct);
        return stranded.Count;
    }
}
