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
        Assert.Equal(12L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Open_FileOfAServerThatMadeTheSecurityTablesOnFirstUse_MigratesAndKeepsTheirRows()
    {
        // Servers before schema step 6 created sessions, security_events and account_admin on first use.
        await using (var store = await OpenStoreAsync())
            await ((ISecurityStore)store).CreateSessionAsync(new StoredSession("s-1", "clerk", Cases.T0, Cases.T0, null, "127.0.0.1"));
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var back = connection.CreateCommand();
            // Back to what such a server left: schema 5, the security tables beside it, nothing of steps 7 to 12.
            back.CommandText = """
                UPDATE schema_version SET version = 5;
                DROP TABLE opinion_phrases; DROP TABLE kiosk_devices; DROP TABLE window_cases; DROP TABLE credit_marks;
                ALTER TABLE security_events DROP COLUMN target;
                DROP INDEX ix_cases_procedure; ALTER TABLE cases DROP COLUMN procedure_due;
                DROP INDEX ix_cases_pledge_check; DROP INDEX ix_cases_tasks; ALTER TABLE cases DROP COLUMN pledge_check_due;
                """;
            await back.ExecuteNonQueryAsync();
        }

        await using var reopened = await OpenStoreAsync();

        Assert.Equal("clerk", (await ((ISecurityStore)reopened).FindSessionAsync("s-1"))?.UserName);
        await using var check = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await check.OpenAsync();
        await using var version = check.CreateCommand();
        version.CommandText = "SELECT version FROM schema_version";
        Assert.Equal(12L, await version.ExecuteScalarAsync());
    }
}
