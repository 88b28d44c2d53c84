using Microsoft.Data.Sqlite;
using Workflows.Storage.Sqlite;

namespace Workflows.Storage.Tests;

/// <summary>The compliance suite on the SQLite provider, one fresh file per test.</summary>
public sealed class SqliteCaseStoreTests : CaseStoreComplianceTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflows-storage-").FullName;

    private string DatabasePath => Path.Combine(_folder, SqliteCaseStore.DefaultFileName);

    protected override async Task<ICaseStore> OpenStoreAsync() => await SqliteCaseStore.OpenInFolderAsync(_folder);

    protected override async Task ExecuteRawAsync(string sql, Guid caseId)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@case", caseId.ToString("D"));
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Open_CreatesFileInWalModeWithSchemaVersion()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
        command.CommandText = "SELECT version FROM schema_version";
        Assert.Equal(6L, await command.ExecuteScalarAsync());
    }
}
