using System.Text.Json;
using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Engine.Ports;
using Workflows.Server.Hosting;
using Workflows.Server.Security;
using Workflows.Storage;

namespace Workflows.Server.Effects;

/// <summary>
/// 工作日历年度检查 (a daily Hangfire job, and live on <c>GET /api/ops/status</c>): from
/// <c>operations.calendar-warning-days</c> before the year ends (default 30), while the next
/// year's schedule is not published every due date that reaches into it is provisional, so the
/// office is told each day, in the log, the security/ops log and the admins' status.
/// </summary>
public sealed class CalendarYearCheck(DefinitionCatalog catalog, IClock clock, SecurityLog securityLog, ILogger<CalendarYearCheck> logger)
{
    public sealed record Status(DateOnly Today, int NextYear, bool Published, int DaysLeft, int WarningDays, bool Warning, string? Message);

    /// <summary>Where the calendar stands today (no side effects).</summary>
    public Status Evaluate()
    {
        var today = ChinaTime.DateOf(clock.Now);
        var next = today.Year + 1;
        var published = catalog.Current?.Calendar.Years.Contains(next) ?? false;
        var daysLeft = new DateOnly(today.Year, 12, 31).DayNumber - today.DayNumber;
        var warningDays = OperationsTimes.CalendarWarningDays(catalog.Current?.Set.Office);
        var warning = !published && daysLeft < warningDays;
        return new Status(today, next, published, daysLeft, warningDays, warning, warning
            ? $"尚未发布 {next} 年的工作日历（距年底 {daysLeft} 天）：跨入 {next} 年的时限按法定节假日推算并标为暂定，请在设计器「工作日历」中添加并发布 (next year's calendar is not published)"
            : null);
    }

    /// <summary>The job: evaluates and, when it warns, writes the warning to the log and the security/ops log.</summary>
    public async Task<Status> RunAsync(CancellationToken ct = default)
    {
        var status = Evaluate();
        if (status.Warning)
        {
            logger.LogWarning("工作日历检查 (calendar check): {Message}", status.Message);
            await securityLog.WriteAsync(SecurityLog.CalendarYearMissing, null, null, status.Message, status.NextYear.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        }
        else logger.LogInformation("工作日历检查 (calendar check): {Year} 年{State}，距年底 {Days} 天", status.NextYear, status.Published ? "已发布" : "未发布", status.DaysLeft);
        return status;
    }
}

/// <summary>
/// 监督日报 (a daily Hangfire job at <c>operations.digest-at</c>, default 08:00 China time): per item
/// department the open cases at 预警 and 超期 and the 特别程序 past their announced end, from the
/// figures index. It becomes one outbox intent per day (id <c>digest-yyyyMMdd</c>, written once
/// however often the job runs), delivered to the notifier plugins like a case's events: a receiver
/// that is down gets it on a later retry or sweep.
/// </summary>
public sealed class SupervisionDigest(ICaseFigures figures, ICaseStore store, DefinitionCatalog catalog, IClock clock, IEffectQueue queue, ILogger<SupervisionDigest> logger)
{
    public const string Kind = "supervision.digest";

    public sealed record Department(string Id, string? Name, int Open, int Warning, int Overdue, int ProcedureOverrun);

    public sealed record Payload(DateOnly Day, IReadOnlyList<Department> Departments);

    public static string IntentId(DateOnly day) => $"digest-{day:yyyyMMdd}";

    /// <summary>Today's digest as the job writes it.</summary>
    public async Task<Payload> ComposeAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.DateOf(clock.Now);
        var set = catalog.Current?.Set;
        var counts = await figures.DeadlineCountsAsync(today, null, ct);
        return new Payload(today, counts.Select(c => new Department(c.Department ?? "(未知)", c.Department is { } d ? set?.Department(d)?.Name : null,
            c.Open, c.Warning, c.Overdue, c.ProcedureOverrun)).ToList());
    }

    /// <summary>The job: writes today's intent (once) and hands it to the effect queue. Returns the intent id and whether it was new.</summary>
    public async Task<(string IntentId, bool Added)> RunAsync(CancellationToken ct = default)
    {
        var payload = await ComposeAsync(ct);
        var intent = new NewIntent(IntentId(payload.Day), Kind, JsonSerializer.Serialize(payload));
        var added = await ((IOutbox)store).AddIntentAsync(intent, clock.Now, ct);
        if (added) await queue.EnqueueAsync([intent.Id], ct);
        logger.LogInformation("监督日报 (supervision digest) {Day}: {Departments} 个部门，预警 {Warning}，超期 {Overdue}，特别程序超期 {Procedures}{Again}",
            payload.Day, payload.Departments.Count, payload.Departments.Sum(d => d.Warning), payload.Departments.Sum(d => d.Overdue),
            payload.Departments.Sum(d => d.ProcedureOverrun), added ? "" : "（今日已写入，不重复发送）");
        return (intent.Id, added);
    }

    /// <summary>The cron expression (UTC) of a China-time time of day: China keeps no daylight saving time.</summary>
    public static string DailyCron(TimeOnly chinaTime)
    {
        var utc = chinaTime.Add(-ChinaTime.Offset);
        return $"{utc.Minute} {utc.Hour} * * *";
    }
}
