using Quartz;
using Workflows.Storage;

namespace Workflows.Server.Scheduling;

/// <summary>
/// The Quartz job of one store timer. Its key is the timer id; its data (strings only, so the
/// persistent job store keeps them readable) is the case and the due time. On a cluster Quartz
/// gives each trigger to one node; the store's claim makes that "exactly one" even across a
/// sweep on another node.
/// </summary>
public sealed class CaseTimerJob(CaseTimerFiring firing, ILogger<CaseTimerJob> logger) : IJob
{
    public const string Group = "case-timers";
    internal const string CaseKey = "caseId";
    internal const string KindKey = "kind";
    internal const string DueKey = "dueAt";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var timer = new ScheduledTimer(context.JobDetail.Key.Name, Guid.Parse(data.GetString(CaseKey)!), data.GetString(KindKey) ?? CaseTimers.TickKind,
            DateTimeOffset.Parse(data.GetString(DueKey)!, System.Globalization.CultureInfo.InvariantCulture));
        logger.LogInformation("调度器 {Instance} 触发定时器 (quartz trigger): {TimerId}", context.Scheduler.SchedulerInstanceId, timer.Id);
        await firing.FireAsync(timer, cancellationToken);
    }

    internal static IJobDetail Detail(ScheduledTimer timer) => JobBuilder.Create<CaseTimerJob>()
        .WithIdentity(timer.Id, Group)
        .UsingJobData(CaseKey, timer.CaseId.ToString("D"))
        .UsingJobData(KindKey, timer.Kind)
        .UsingJobData(DueKey, timer.DueAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
        .Build();
}
