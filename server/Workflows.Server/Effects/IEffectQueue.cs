namespace Workflows.Server.Effects;

/// <summary>
/// Where <see cref="Cases.CaseService"/> hands a change's intents once the store committed them.
/// The outbox keeps the truth: a queue that fails, or a process that dies before the hand-off,
/// loses nothing, because the outbox sweep finds the intent. Implementations never throw.
/// </summary>
public interface IEffectQueue
{
    Task EnqueueAsync(IReadOnlyList<string> intentIds, CancellationToken cancellationToken = default);
}

/// <summary>For tools and in-process tests: runs each intent at once, after the commit, in the caller's flow.</summary>
public sealed class InlineEffectQueue(EffectRunner runner, ILogger logger) : IEffectQueue
{
    public async Task EnqueueAsync(IReadOnlyList<string> intentIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in intentIds)
        {
            try { await runner.RunAsync(id, lastAttempt: false, cancellationToken); }
            catch (Exception e) { logger.LogWarning(e, "效果未完成，留待巡检 (effect left to the sweep): {Intent}", id); }
        }
    }
}
