using Npgsql;

namespace Workflows.Storage.PostgreSql;

/// <summary>
/// The case store on PostgreSQL, for several server nodes on one database. Transactions run at
/// READ COMMITTED with explicit row locks: the counter row is locked by its upsert
/// (<c>INSERT ... ON CONFLICT DO UPDATE</c>) and the case row by <c>SELECT ... FOR UPDATE</c>,
/// so concurrent creators queue per office and year and concurrent writers per case.
/// </summary>
public sealed partial class PostgreSqlCaseStore : ICaseStore, IContentStore, IAccountStore, IDocumentNumbers, IOutbox, ICertificateRegister
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgreSqlCaseStore(NpgsqlDataSource dataSource) => _dataSource = dataSource;

    /// <summary>
    /// Opens the store, creating or migrating its tables in the first schema of the connection
    /// string's search path (default <c>public</c>).
    /// </summary>
    public static async Task<PostgreSqlCaseStore> OpenAsync(string connectionString, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await PostgreSqlSchema.MigrateAsync(connection, ct);
            return new PostgreSqlCaseStore(dataSource);
        }
        catch
        {
            await dataSource.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct) => _dataSource.OpenConnectionAsync(ct);
}
