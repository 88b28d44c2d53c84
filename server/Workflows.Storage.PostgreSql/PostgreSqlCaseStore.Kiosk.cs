using Npgsql;

namespace Workflows.Storage.PostgreSql;

// Rating tablets and each window's current case (IKioskStore), shared by the nodes of a cluster;
// their tables come with schema step 8.
public sealed partial class PostgreSqlCaseStore : IKioskStore
{
    private const string DeviceColumns =
        "id, name, window_id, pin_hash, created_at, created_by, pairing_code_hash, pairing_code_expires_at, paired_at, revoked_at, revoked_by";

    private static object? Pg(DateTimeOffset? at) => at is { } value ? value.Utc() : null;

    private static DateTimeOffset? TimeOrNull(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetFieldValue<DateTimeOffset>(i);

    private static KioskDevice ReadDevice(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        r.GetFieldValue<DateTimeOffset>(4), r.GetString(5), r.ReadNullableString(6), TimeOrNull(r, 7), TimeOrNull(r, 8),
        TimeOrNull(r, 9), r.ReadNullableString(10));

    private static NpgsqlParameter TimeParameter(string name, DateTimeOffset? at) =>
        new(name, NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = Pg(at) ?? DBNull.Value };

    private static NpgsqlParameter TextParameter(string name, string? value) =>
        new(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };

    public async Task SaveKioskDeviceAsync(KioskDevice device, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO kiosk_devices ({DeviceColumns})
            VALUES (@id, @name, @window, @pin, @created, @by, @code, @expires, @paired, @revoked, @revokedBy)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, window_id = excluded.window_id, pin_hash = excluded.pin_hash,
                pairing_code_hash = excluded.pairing_code_hash, pairing_code_expires_at = excluded.pairing_code_expires_at,
                paired_at = excluded.paired_at, revoked_at = excluded.revoked_at, revoked_by = excluded.revoked_by
            """, connection);
        command.Parameters.Add(TextParameter("id", device.Id));
        command.Parameters.Add(TextParameter("name", device.Name));
        command.Parameters.Add(TextParameter("window", device.Window));
        command.Parameters.Add(TextParameter("pin", device.PinHash));
        command.Parameters.Add(TimeParameter("created", device.CreatedAt));
        command.Parameters.Add(TextParameter("by", device.CreatedBy));
        command.Parameters.Add(TextParameter("code", device.PairingCodeHash));
        command.Parameters.Add(TimeParameter("expires", device.PairingCodeExpiresAt));
        command.Parameters.Add(TimeParameter("paired", device.PairedAt));
        command.Parameters.Add(TimeParameter("revoked", device.RevokedAt));
        command.Parameters.Add(TextParameter("revokedBy", device.RevokedBy));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<KioskDevice?> FindKioskDeviceAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {DeviceColumns} FROM kiosk_devices WHERE id = @id", ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadDevice(reader) : null;
    }

    public async Task<IReadOnlyList<KioskDevice>> ListKioskDevicesAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {DeviceColumns} FROM kiosk_devices ORDER BY created_at DESC, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var devices = new List<KioskDevice>();
        while (await reader.ReadAsync(cancellationToken)) devices.Add(ReadDevice(reader));
        return devices;
    }

    public async Task<KioskDevice?> ClaimPairingCodeAsync(string codeHash, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        string? id;
        await using (var connection = await OpenConnectionAsync(cancellationToken))
        await using (var command = connection.Command(null,
            """
            UPDATE kiosk_devices SET pairing_code_hash = NULL, pairing_code_expires_at = NULL, paired_at = @now
            WHERE pairing_code_hash = @code AND pairing_code_expires_at > @now AND revoked_at IS NULL RETURNING id
            """, ("code", codeHash), ("now", now.Utc())))
            id = await command.ExecuteScalarAsync(cancellationToken) as string;
        return id is null ? null : await FindKioskDeviceAsync(id, cancellationToken);
    }

    public async Task SetWindowCaseAsync(WindowCase windowCase, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            """
            INSERT INTO window_cases (window_id, case_id, at, by_user) VALUES (@window, @case, @at, @by)
            ON CONFLICT (window_id) DO UPDATE SET case_id = excluded.case_id, at = excluded.at, by_user = excluded.by_user
            WHERE excluded.at >= window_cases.at
            """, cancellationToken, ("window", windowCase.Window), ("case", windowCase.CaseId), ("at", windowCase.At.Utc()), ("by", windowCase.By));
    }

    public async Task<WindowCase?> FindWindowCaseAsync(string window, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT window_id, case_id, at, by_user FROM window_cases WHERE window_id = @window", ("window", window));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new WindowCase(reader.GetString(0), reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3));
    }
}
