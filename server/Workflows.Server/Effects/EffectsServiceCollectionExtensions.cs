using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using Workflows.Server.Plugins;
using Workflows.Storage;

namespace Workflows.Server.Effects;

/// <summary>
/// The Effects module. Effects after the commit, on Hangfire (DESIGN.md "Effects"): each committed intent becomes a
/// job; the outbox and timer sweeps are recurring jobs; the dashboard is mounted at
/// <c>/hangfire</c>. One node keeps Hangfire's jobs in a SQLite file in the data folder; several
/// nodes keep them in their PostgreSQL database (schema <c>hangfire</c>).
/// </summary>
public static class EffectsServiceCollectionExtensions
{
    public const string OutboxSweepJob = "outbox-sweep", TimerSweepJob = "timer-sweep", CalendarCheckJob = "calendar-year-check", DigestJob = "supervision-digest";

    /// <summary>The calendar-year check runs daily at 06:00 China time (22:00 UTC), before the office opens.</summary>
    public static readonly TimeOnly CalendarCheckAt = new(6, 0);

    public static IServiceCollection AddEffects(this IServiceCollection services, EffectsOptions options)
    {
        services.AddSingleton(options);
        // The storage is this host's own (not Hangfire's process-wide JobStorage.Current), so several
        // servers in one process (tests) never share jobs.
        services.AddSingleton<JobStorage>(_ => options.Postgres is { Length: > 0 } postgres
            ? new PostgreSqlStorage(postgres, new PostgreSqlStorageOptions
            {
                SchemaName = EffectsOptions.HangfireSchema(postgres),
                InvisibilityTimeout = EffectsOptions.InvisibilityTimeout,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                PrepareSchemaIfNecessary = true,
            })
            : new SQLiteStorage(Path.Combine(options.DataFolder, EffectsOptions.HangfireFile), new SQLiteStorageOptions
            {
                InvisibilityTimeout = EffectsOptions.InvisibilityTimeout,
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }));
        // Jobs are activated from this host's services, not from Hangfire's process-wide activator.
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) =>
        {
            HangfireLogs.Use(sp.GetRequiredService<ILoggerFactory>());
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(new HangfireLogs());
        });
        services.AddHangfireServer((sp, server) =>
        {
            server.Activator = sp.GetRequiredService<JobActivator>();
            server.WorkerCount = Math.Max(2, Environment.ProcessorCount * 2);
            server.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            server.ServerName = $"workflows-{Environment.MachineName}-{Environment.ProcessId}";
        });
        services.AddSingleton(sp => new CaseNotifications(sp.GetService<PluginRegistry>()));
        services.AddSingleton<EffectRunner>();
        services.AddSingleton<IEffectQueue, HangfireEffectQueue>();
        services.AddSingleton<OutboxSweep>();
        services.AddSingleton<TimerSweep>();
        services.AddSingleton<CalendarYearCheck>();
        services.AddSingleton<SupervisionDigest>();
        services.AddTransient<EffectJobs>();
        services.AddHostedService<EffectsStartup>();
        return services;
    }

    /// <summary>The dashboard is middleware (Hangfire's own pages): after authentication, so its guard knows the user.</summary>
    public static IApplicationBuilder UseEffectsDashboard(this IApplicationBuilder app)
    {
        HangfireDashboardAccess.Guard(app);
        app.UseHangfireDashboard(HangfireDashboardAccess.Path, HangfireDashboardAccess.Options(), app.ApplicationServices.GetRequiredService<JobStorage>());
        return app;
    }

    public static IEndpointRouteBuilder MapEffects(this IEndpointRouteBuilder endpoints)
    {
        CaseEffectEndpoints.Map(endpoints);
        return endpoints;
    }
}

/// <summary>
/// At start: the data folder's old document and register files move into the store, the recurring
/// sweeps are registered, and both run once, so what a crash left pending goes on at once.
/// </summary>
internal sealed class EffectsStartup(IServiceProvider services, EffectsOptions options, ILogger<EffectsStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await DataFolderImport.RunAsync(options.DataFolder, services.GetRequiredService<ICaseStore>(), logger, stoppingToken);
            var recurring = services.GetRequiredService<IRecurringJobManager>();
            recurring.AddOrUpdate<EffectJobs>(EffectsServiceCollectionExtensions.OutboxSweepJob, j => j.SweepOutboxAsync(CancellationToken.None), Cron.Minutely());
            recurring.AddOrUpdate<EffectJobs>(EffectsServiceCollectionExtensions.TimerSweepJob, j => j.SweepTimersAsync(CancellationToken.None), Cron.Minutely());
            recurring.AddOrUpdate<EffectJobs>(EffectsServiceCollectionExtensions.CalendarCheckJob, j => j.CheckCalendarYearAsync(CancellationToken.None),
                SupervisionDigest.DailyCron(EffectsServiceCollectionExtensions.CalendarCheckAt));
            // The digest's time is a setting of office.yaml: scheduled again whenever definitions load.
            var catalog = services.GetRequiredService<Hosting.DefinitionCatalog>();
            void ScheduleDigest(Definitions.Model.Office? office)
            {
                try
                {
                    recurring.AddOrUpdate<EffectJobs>(EffectsServiceCollectionExtensions.DigestJob, j => j.SendDigestAsync(CancellationToken.None),
                        SupervisionDigest.DailyCron(Definitions.Model.OperationsTimes.DigestAt(office)));
                }
                catch (Exception e)
                {
                    logger.LogError(e, "监督日报未能排程 (digest not scheduled)");
                }
            }
            catalog.Loaded += snapshot => ScheduleDigest(snapshot.Set.Office);
            ScheduleDigest(catalog.Current?.Set.Office);
            // Whatever a crash left pending: every intent not done, whatever its age.
            await services.GetRequiredService<OutboxSweep>().SweepAsync(TimeSpan.Zero, stoppingToken);
            await services.GetRequiredService<TimerSweep>().SweepAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "效果启动检查失败 (effects start-up failed)");
        }
    }
}
