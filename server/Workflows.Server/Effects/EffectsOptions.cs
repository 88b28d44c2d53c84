namespace Workflows.Server.Effects;

/// <param name="Postgres">The PostgreSQL connection string: Hangfire keeps its jobs there (several nodes). Null: a SQLite file in the data folder.</param>
/// <param name="DataFolder">The data folder (Hangfire's SQLite file, <c>hangfire.db</c>).</param>
/// <param name="SweepAge">How old a pending intent must be before the outbox sweep enqueues it again
/// (<c>WORKFLOWS_EFFECTS_SWEEP_SECONDS</c>, default 60; bound in <see cref="Hosting.ServerOptions"/>).</param>
public sealed record EffectsOptions(string? Postgres, string DataFolder, TimeSpan SweepAge)
{
    public const string HangfireFile = "hangfire.db";

    /// <summary>A job whose worker died is handed out again after this long (Hangfire's default is 30 minutes).</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Hangfire's schema on PostgreSQL: <c>hangfire</c>, or beside the store's own schema when the
    /// connection names one (<c>Search Path</c>), so deployments sharing a database keep their jobs apart.
    /// </summary>
    public static string HangfireSchema(string connectionString)
    {
        var searchPath = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).SearchPath;
        var first = searchPath?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is null or "public" or "\"$user\"" ? "hangfire" : first + "_hangfire";
    }
}
