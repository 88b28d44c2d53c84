namespace Workflows.Server.Scheduling;

/// <param name="Postgres">The PostgreSQL connection string: Quartz runs clustered on its job store there. Null: in memory, one node.</param>
/// <param name="SweepInterval">How often every node looks for due timers no trigger fired (a crash between commit and hand-off).</param>
public sealed record SchedulingOptions(string? Postgres, TimeSpan SweepInterval)
{
    public static readonly TimeSpan DefaultSweepInterval = TimeSpan.FromMinutes(5);
}
