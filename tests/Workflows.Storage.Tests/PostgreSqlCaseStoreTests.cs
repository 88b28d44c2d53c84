using Npgsql;
using Workflows.Storage.PostgreSql;

namespace Workflows.Storage.Tests;

/// <summary>
/// The compliance suite on the PostgreSQL provider, one fresh schema per test on the server named
/// by WORKFLOWS_TEST_POSTGRES. Without it every test fails: CI must never skip these silently.
/// </summary>
public sealed class PostgreSqlCaseStoreTests : CaseStoreComplianceTests
{
    public const string ConnectionVariable = "WORKFLOWS_TEST_POSTGRES";

    private readonly string _schema = "storage_test_" + Guid.NewGuid().ToString("N");
    private string? _server;

    private string StoreConnectionString =>
        new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;

    public override async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the PostgreSQL storage tests cannot run (they fail instead of skipping). " +
                "Run ./test.sh, which starts a throwaway cluster, or start one yourself: " +
                "eval \"$(scripts/postgres-test.sh start)\" and then dotnet test.");
        }
        await ExecuteAdminAsync($"CREATE SCHEMA {_schema}");
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null) await ExecuteAdminAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
    }

    protected override async Task<ICaseStore> OpenStoreAsync() => await PostgreSqlCaseStore.OpenAsync(StoreConnectionString);

    protected override async Task ExecuteRawAsync(string sql, Guid caseId)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(StoreConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("case", caseId);
        await command.ExecuteNonQueryAsync();
    }

    // The schema name is generated above (letters, digits, underscore), never user input.
    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Open_RecordsSchemaVersionInTheConfiguredSchema()
    {
        await using var connection = new NpgsqlConnection(StoreConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_version", connection);
        Assert.Equal(12, await command.ExecuteScalarAsync());
    }
}
