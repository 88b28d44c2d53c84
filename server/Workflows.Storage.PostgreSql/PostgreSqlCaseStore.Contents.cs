using Npgsql;

namespace Workflows.Storage.PostgreSql;

// Immutable content and local accounts: small tables beside the cases.
public sealed partial class PostgreSqlCaseStore
{
    public async Task<bool> PutContentAsync(string key, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null,
            """
            INSERT INTO contents (key, content_type, size, content, stored_at) VALUES (@key, @type, @size, @content, now())
            ON CONFLICT (key) DO NOTHING
            """, cancellationToken,
            ("key", key), ("type", contentType), ("size", (long)content.Length), ("content", content.ToArray())) == 1;
    }

    public async Task<StoredContent?> GetContentAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT content_type, content, stored_at FROM contents WHERE key = @key", ("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredContent(key, reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateTimeOffset>(2));
    }

    public async Task<StoredAccount?> FindAccountAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {AccountColumns} FROM accounts WHERE user_name = @name", ("name", userName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccount(reader) : null;
    }

    public async Task<IReadOnlyList<StoredAccount>> ListAccountsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {AccountColumns} FROM accounts ORDER BY user_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<StoredAccount>();
        while (await reader.ReadAsync(cancellationToken)) accounts.Add(ReadAccount(reader));
        return accounts;
    }

    public async Task SaveAccountAsync(StoredAccount account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            """
            INSERT INTO accounts (user_name, display_name, password_hash, roles, department, "window", disabled)
            VALUES (@name, @display, @hash, @roles, @department, @window, @disabled)
            ON CONFLICT (user_name) DO UPDATE SET display_name = excluded.display_name, password_hash = excluded.password_hash,
                roles = excluded.roles, department = excluded.department, "window" = excluded."window", disabled = excluded.disabled
            """, cancellationToken,
            ("name", account.UserName), ("display", account.DisplayName), ("hash", account.PasswordHash),
            ("roles", string.Join(',', account.Roles)), ("department", account.Department), ("window", account.Window),
            ("disabled", account.Disabled));
    }

    private const string AccountColumns = "user_name, display_name, password_hash, roles, department, \"window\", disabled";

    private static StoredAccount ReadAccount(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
            reader.GetString(3).Split(',', StringSplitOptions.RemoveEmptyEntries),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetBoolean(6));
}
