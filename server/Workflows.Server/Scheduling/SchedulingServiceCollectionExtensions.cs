using Quartz;

namespace Workflows.Server.Scheduling;

/// <summary>
/// The scheduler of the server. With SQLite (one node) Quartz keeps its triggers in memory and
/// rebuilds them from the store on start. With PostgreSQL it runs clustered on its persistent job
/// store in the same database (tables <see cref="TablePrefix"/>*, created by Quartz itself), so
/// each trigger fires on one node; the store's claim (<c>MarkFiredAsync</c>) backs that up.
/// </summary>
public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Every node of one deployment must use the same scheduler name: it is the cluster's name.</summary>
    public const string SchedulerName = "workflows";

    public const string TablePrefix = "workflows_qrtz_";

    public static IServiceCollection AddCaseScheduling(this IServiceCollection services, string? postgres, TimeSpan? sweepInterval = null)
    {
        var options = new SchedulingOptions(postgres is { Length: > 0 } ? postgres : null, sweepInterval ?? SchedulingOptions.DefaultSweepInterval);
        services.AddQuartz(quartz =>
        {
            if (options.Postgres is { } connectionString)
            {
                quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = SchedulerName);
                quartz.UsePersistentStore(store =>
                {
                    store.UsePostgres(connectionString);
                    store.UseSystemTextJsonSerializer();
                    store.ProvisionSchema();
                    store.UseClustering();
                    store.ConfigureStore(job =>
                    {
                        job.TablePrefix = TablePrefix;
                        job.StoreJobDataAsStrings = true;
                    });
                });
            }
            else
            {
                // A name of its own: several servers in one process (tests) must not share an in-memory scheduler.
                quartz.ConfigureScheduler(scheduler => scheduler.InstanceName = $"{SchedulerName}-{Guid.NewGuid():N}");
                quartz.UseInMemoryStore();
            }
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        services.AddSingleton(options);
        services.AddSingleton<CaseTimerFiring>();
        services.AddSingleton<QuartzCaseTimerSink>();
        services.AddSingleton<ICaseTimerSink>(sp => sp.GetRequiredService<QuartzCaseTimerSink>());
        services.AddSingleton<CaseTimerSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<CaseTimerSweeper>());
        return services;
    }
}
