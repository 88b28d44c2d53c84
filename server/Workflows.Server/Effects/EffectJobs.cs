using Hangfire;
using Hangfire.Server;

namespace Workflows.Server.Effects;

/// <summary>
/// The Hangfire jobs. An effect job names its intent (the job's identity is the intent id, shown on
/// the dashboard); the outbox claim makes a second job for the same intent a no-op, so enqueuing
/// twice (the hand-off and a sweep) is harmless. Hangfire retries a failing effect with growing
/// delays; after the last retry the intent is marked failed and the job waits, failed, on the
/// dashboard, where an admin can requeue it.
/// </summary>
public sealed class EffectJobs(EffectRunner runner, OutboxSweep outbox, TimerSweep timers, CalendarYearCheck calendarCheck, SupervisionDigest digest)
{
    public const int Retries = 10;

    [AutomaticRetry(Attempts = Retries, DelaysInSeconds = [2, 5, 10, 20, 30, 60, 120, 300, 600, 1800], OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    [JobDisplayName("效果 {0}")]
    public async Task RunEffectAsync(string intentId, PerformContext? context, CancellationToken cancellationToken)
    {
        var retry = context?.GetJobParameter<int>("RetryCount") ?? 0;
        await runner.RunAsync(intentId, lastAttempt: retry >= Retries, cancellationToken);
    }

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    [JobDisplayName("巡检：未执行的效果 (outbox sweep)")]
    public Task SweepOutboxAsync(CancellationToken cancellationToken) => outbox.SweepAsync(cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    [JobDisplayName("巡检：到期的定时器 (timer sweep)")]
    public Task SweepTimersAsync(CancellationToken cancellationToken) => timers.SweepAsync(cancellationToken);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(60)]
    [JobDisplayName("每日：次年工作日历是否已发布 (calendar-year check)")]
    public Task CheckCalendarYearAsync(CancellationToken cancellationToken) => calendarCheck.RunAsync(cancellationToken);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(60)]
    [JobDisplayName("每日：监督日报 (supervision digest)")]
    public Task SendDigestAsync(CancellationToken cancellationToken) => digest.RunAsync(cancellationToken);
}

/// <summary>Committed intents become Hangfire jobs, one per intent.</summary>
public sealed class HangfireEffectQueue(IBackgroundJobClient jobs, ILogger<HangfireEffectQueue> logger) : IEffectQueue
{
    public Task EnqueueAsync(IReadOnlyList<string> intentIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in intentIds)
        {
            try
            {
                jobs.Enqueue<EffectJobs>(j => j.RunEffectAsync(id, null, CancellationToken.None));
            }
            catch (Exception e)
            {
                // The outbox holds the intent: the sweep enqueues it.
                logger.LogError(e, "效果未能入队，将由巡检补上 (effect not enqueued; the sweep will): {Intent}", id);
            }
        }
        return Task.CompletedTask;
    }
}
