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

    public static async Task<ICaseStore> OpenAsync(string dataFolder, string? postgres, CancellationToken ct = default) =>
        postgres is { Length: > 0 }
            ? await PostgreSqlCaseStore.OpenAsync(postgres, ct)
            : await SqliteCaseStore.OpenInFolderAsync(dataFolder, ct);
}
