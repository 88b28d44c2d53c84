using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

/// <summary>
/// The embedded case store: one SQLite file in WAL mode. Every write runs in a
/// <c>BEGIN IMMEDIATE</c> transaction, so writers queue on SQLite's single write lock (waiting up
/// to the busy timeout) and a read-then-write can never interleave with another writer: that is
/// what makes numbering gap-free and the version check race-free on this provider. Inside one
/// process, writers to a file also queue on an async gate before they begin: SQLite's busy
/// handler waits for the lock by sleeping (1, 2, 5, 10... ms), which costs two concurrent
/// commands far more than the write itself; the gate hands the lock over at once. Other
/// processes on the same file still wait through the busy timeout.
/// </summary>
public sealed partial class SqliteCaseStore : ICaseStore, IContentStore, IAccountStore, IDocumentNumbers, IOutbox, ICertificateRegister
{
    /// <summary>The store's file name inside the data folder.</summary>
    public const string DefaultFileName = "cases.db";

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const int MaxPreparedStatements = 256;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> WriteGates = new(StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate;
    private SqliteWriter? _writer; // touched only by the holder of the write turn

    private SqliteCaseStore(string path)
    {
        Path = path;
        _writeGate = WriteGates.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens (creating and migrating if needed) <see cref="DefaultFileName"/> in the data folder.</summary>
    public static Task<SqliteCaseStore> OpenInFolderAsync(string dataFolder, CancellationToken ct = default) =>
        OpenAsync(System.IO.Path.Combine(dataFolder, DefaultFileName), ct);

    /// <summary>Opens (creating and migrating if needed) the store in the given file.</summary>
    public static async Task<SqliteCaseStore> OpenAsync(string path, CancellationToken ct = default)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var store = new SqliteCaseStore(full);
        await using var connection = await store.OpenConnectionAsync(ct);
        await SqliteSchema.MigrateAsync(connection, ct);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            if (_writer is not null) await _writer.DisposeAsync();
            _writer = null;
        }
        finally
        {
            _writeGate.Release();
        }
        // Pooled connections keep the file (and its WAL) open; release them so the file can be
        // copied, deleted or reopened by another store instance.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        // Per-connection settings. NORMAL in WAL mode survives a process crash; only a power cut
        // can lose the last commits, which is the usual trade for an embedded server.
        await connection.ExecAsync(null,
            $"PRAGMA busy_timeout={(int)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous=NORMAL;", ct);
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a <c>BEGIN IMMEDIATE</c> transaction (the write lock taken up
    /// front, see the class comment) on the store's write connection, once it is this process's turn
    /// to write the file; <paramref name="write"/> commits. A write that throws rolls back, and its
    /// connection is closed rather than reused.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<SqliteWriter, SqliteTransaction, Task<T>> write, CancellationToken ct)
    {
        await _writeGate.WaitAsync(ct);
        try
        {
            _writer ??= new SqliteWriter(await OpenConnectionAsync(ct));
            await _writer.TrimAsync(MaxPreparedStatements);
            try
            {
                await using var tx = _writer.BeginWrite();
                return await write(_writer, tx);
            }
            catch
            {
                var broken = _writer;
                _writer = null;
                await broken.DisposeAsync();
                throw;
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
