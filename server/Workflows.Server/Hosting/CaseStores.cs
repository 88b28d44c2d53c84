using Workflows.Storage;
using Workflows.Storage.PostgreSql;
using Workflows.Storage.Sqlite;

namespace Workflows.Server.Hosting;

/// <summary>
/// Which case store a command or the server uses: PostgreSQL when a connection string is given
/// (several nodes on one database), otherwise the SQLite file in the data folder.
/// </summary>
public static class CaseStores
{
    public static string SqlitePath(string dataFolder) => Path.Combine(dataFolder, SqliteCaseStore.DefaultFileName);

    /// <summary>
    /// Registers the chosen provider once, and each store interface it implements (case store,
    /// contents, accounts, figures, outbox, security…) as that same instance, so no consumer casts one
    /// store interface to another and a provider that lacks one fails at start, by name.
    /// </summary>
    public static IServiceCollection AddCaseStore(this IServiceCollection services, string dataFolder, string? postgres)
    {
        var provider = postgres is { Length: > 0 } ? typeof(PostgreSqlCaseStore) : typeof(SqliteCaseStore);
        services.AddSingleton(provider, _ => OpenAsync(dataFolder, postgres).GetAwaiter().GetResult());
        foreach (var contract in provider.GetInterfaces().Where(i => i.Assembly == typeof(ICaseStore).Assembly))
            services.AddSingleton(contract, sp => sp.GetRequiredService(provider));
        return services;
    }

    public static async Task<ICaseStore> OpenAsync(string dataFolder, string? postgres, CancellationToken ct = default) =>
        postgres is { Length: > 0 }
            ? await PostgreSqlCaseStore.OpenAsync(postgres, ct)
            : await SqliteCaseStore.OpenInFolderAsync(dataFolder, ct);
}
