using Npgsql;

namespace Workflows.Storage.PostgreSql;

// Account administration (forced password change, last sign-in); its table comes with schema step 6.
public sealed partial class PostgreSqlCaseStore : IAccountAdminStore
{
    public async Task<AccountAdminRecord?> GetAccountAdminAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT user_name, must_change_password, last_sign_in_at FROM account_admin WHERE user_name = @name", ("name", userName));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadAccountAdmin(reader) : null;
    }

    public async Task<IReadOnlyList<AccountAdminRecord>> ListAccountAdminAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT user_name, must_change_password, last_sign_in_at FROM account_admin ORDER BY user_name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<AccountAdminRecord>();
        while (await reader.ReadAsync(cancellationToken)) records.Add(ReadAccountAdmin(reader));
        return records;
    }

    public async Task SetMustChangePasswordAsync(string userName, bool mustChange, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            """
            INSERT INTO account_admin (user_name, must_change_password) VALUES (@name, @must)
            ON CONFLICT (user_name) DO UPDATE SET must_change_password = excluded.must_change_password
            """, cancellationToken, ("name", userName), ("must", mustChange));
    }

    public async Task RecordSignInAsync(string userName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            """
            INSERT INTO account_admin (user_name, last_sign_in_at) VALUES (@name, @at)
            ON CONFLICT (user_name) DO UPDATE SET last_sign_in_at = excluded.last_sign_in_at
            """, cancellationToken, ("name", userName), ("at", at.Utc()));
    }

    private static AccountAdminRecord ReadAccountAdmin(NpgsqlDataReader reader) =>
        new(reader.GetString(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2));
}
