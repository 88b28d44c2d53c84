using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

/// <summary>
/// The store's one write connection, used only by the holder of the write turn (so never by two
/// callers at once), with its statements prepared once: every command compiled and re-parsed its
/// SQL and opened a pooled connection (and set its pragmas) before. A writer whose operation
/// failed is dropped and the next turn opens a new one.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    public SqliteWriter(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>BEGIN IMMEDIATE: take the write lock up front (see <see cref="SqliteCaseStore"/>).</summary>
    public SqliteTransaction BeginWrite() => Connection.BeginTransaction(deferred: false);

    /// <summary>The prepared statement for <paramref name="sql"/> with these parameters; owned by the writer: do not dispose it.</summary>
    public SqliteCommand Command(SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _prepared.Add(sql, command);
        }
        command.Transaction = tx;
        command.Parameters.Clear();
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    /// <summary>
    /// Between write turns (no statement in use): forgets the prepared statements once there are more than
    /// <paramref name="limit"/>. An append prepares one UPDATE per set of changed columns; the sets a
    /// workflow produces are few, but nothing else bounds them.
    /// </summary>
    public async ValueTask TrimAsync(int limit)
    {
        if (_prepared.Count <= limit) return;
        foreach (var command in _prepared.Values) await command.DisposeAsync();
        _prepared.Clear();
    }

    public Task<int> ExecAsync(SqliteTransaction tx, string sql, CancellationToken ct, params (string, object?)[] parameters) =>
        Command(tx, sql, parameters).ExecuteNonQueryAsync(ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _prepared.Values) await command.DisposeAsync();
        _prepared.Clear();
        await Connection.DisposeAsync();
    }
}
