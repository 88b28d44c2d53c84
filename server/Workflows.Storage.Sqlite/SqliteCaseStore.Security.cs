using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

// Sessions and the security log (ISecurityStore); their tables come with schema step 6.
public sealed partial class SqliteCaseStore : ISecurityStore
{
    private static long Micros(DateTimeOffset at) => StoredTime.ToUnixMicroseconds(at);

    public async Task CreateSessionAsync(StoredSession session, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            "INSERT INTO sessions (id, user_name, created_at, last_seen_at, revoked_at, address) VALUES (@id, @user, @created, @seen, NULL, @address)",
            cancellationToken, ("@id", session.Id), ("@user", session.UserName), ("@created", Micros(session.CreatedAt)),
            ("@seen", Micros(session.LastSeenAt)), ("@address", session.Address));
    }

    public async Task<StoredSession?> FindSessionAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            "SELECT id, user_name, created_at, last_seen_at, revoked_at, address FROM sessions WHERE id = @id", ("@id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new StoredSession(reader.GetString(0), reader.GetString(1), StoredTime.FromUnixMicroseconds(reader.GetInt64(2)),
            StoredTime.FromUnixMicroseconds(reader.GetInt64(3)),
            reader.IsDBNull(4) ? null : StoredTime.FromUnixMicroseconds(reader.GetInt64(4)), reader.ReadNullableString(5));
    }

    public async Task TouchSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null, "UPDATE sessions SET last_seen_at = MAX(last_seen_at, @at) WHERE id = @id",
            cancellationToken, ("@id", id), ("@at", Micros(at)));
    }

    public async Task RevokeSessionAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null, "UPDATE sessions SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL",
            cancellationToken, ("@id", id), ("@at", Micros(at)));
    }

    public async Task<int> RevokeSessionsOfAsync(string userName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return await connection.ExecAsync(null, "UPDATE sessions SET revoked_at = @at WHERE user_name = @user AND revoked_at IS NULL",
            cancellationToken, ("@user", userName), ("@at", Micros(at)));
    }

    public async Task AppendSecurityEventAsync(SecurityEvent securityEvent, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            "INSERT INTO security_events (at, kind, user_name, address, detail, target) VALUES (@at, @kind, @user, @address, @detail, @target)",
            cancellationToken, ("@at", Micros(securityEvent.At)), ("@kind", securityEvent.Kind), ("@user", securityEvent.UserName),
            ("@address", securityEvent.Address), ("@detail", securityEvent.Detail), ("@target", securityEvent.Target));
    }

    public async Task<IReadOnlyList<SecurityEvent>> ReadSecurityEventsAsync(DateTimeOffset since, string? userName = null, string? address = null,
        int take = 200, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null,
            """
            SELECT at, kind, user_name, address, detail, target FROM security_events
            WHERE at >= @since AND (@user IS NULL OR user_name = @user) AND (@address IS NULL OR address = @address)
            ORDER BY seq DESC LIMIT @take
            """, ("@since", Micros(since)), ("@user", userName), ("@address", address), ("@take", take));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<SecurityEvent>();
        while (await reader.ReadAsync(cancellationToken))
            events.Add(new SecurityEvent(StoredTime.FromUnixMicroseconds(reader.GetInt64(0)), reader.GetString(1),
                reader.ReadNullableString(2), reader.ReadNullableString(3), reader.ReadNullableString(4), reader.ReadNullableString(5)));
        return events;
    }
}
