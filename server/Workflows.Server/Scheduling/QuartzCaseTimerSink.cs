using Quartz;
using Workflows.Engine.Ports;
using Workflows.Server.Cases;
using Workflows.Storage;

namespace Workflows.Server.Scheduling;

/// <summary>
/// Arms one Quartz trigger per store timer, keyed by the timer id, so scheduling the same timer
/// twice (a retry, the rebuild after a restart, two nodes) keeps one trigger. Quartz runs on real
/// time; a due time on the server's clock is converted with the clock's current offset, which is
/// zero except under <c>--test-clock</c> (where the sweep after a move covers the difference).
/// </summary>
public sealed class QuartzCaseTimerSink(ISchedulerFactory schedulers, IClock clock, ILogger<QuartzCaseTimerSink> logger) : ICaseTimerSink
{
    public async Task ScheduledAsync(IReadOnlyList<ScheduledTimer> timers, CancellationToken cancellationToken = default)
    {
        if (timers.Count == 0) return;
        try
        {
            await ArmAsync(timers, replace: false, cancellationToken);
        }
        catch (Exception e)
        {
            // The timers are committed in the store: the periodic sweep fires them even so.
            logger.LogError(e, "定时器未能交给调度器，将由巡检触发 (timers not armed; the sweep will fire them): {Timers}",
                string.Join(", ", timers.Select(t => t.Id)));
        }
    }

    /// <summary>Arms the timers; with <paramref name="replace"/> an armed trigger is moved to the clock's current offset.</summary>
    internal async Task<int> ArmAsync(IReadOnlyList<ScheduledTimer> timers, bool replace, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var offset = ClockOffset();
        var armed = 0;
        foreach (var timer in timers)
        {
            var key = new TriggerKey(timer.Id, CaseTimerJob.Group);
            if (!replace && await scheduler.Exists(key, cancellationToken)) continue;
            var trigger = TriggerBuilder.Create()
                .WithIdentity(key)
                .StartAt(timer.DueAt - offset)
                .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                .Build();
            try
            {
                await scheduler.ScheduleJob(CaseTimerJob.Detail(timer), trigger, new ScheduleJobOptions { Replace = replace }, cancellationToken);
                armed++;
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another node (or a concurrent hand-off) armed it first: one trigger is what we want.
            }
        }

        return armed;
    }

    private TimeSpan ClockOffset() => clock is ServerClock server ? server.Offset : TimeSpan.Zero;
}
