using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

// Rating tablets and each window's current case (IKioskStore); their tables come with schema step 8.
public sealed partial class SqliteCaseStore : IKioskStore
{
    private const string DeviceColumns =
        "id, name, window_id, pin_hash, created_at, created_by, pairing_code_hash, pairing_code_expires_at, paired_at, revoked_at, revoked_by";

    private static long? Micros(DateTimeOffset? at) => at is { } value ? StoredTime.ToUnixMicroseconds(value) : null;

    private static DateTimeOffset? TimeOrNull(SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : StoredTime.FromUnixMicroseconds(reader.GetInt64(i));

    private static KioskDevice ReadDevice(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        StoredTime.FromUnixMicroseconds(r.GetInt64(4)), r.GetString(5), r.ReadNullableString(6), TimeOrNull(r, 7), TimeOrNull(r, 8),
        TimeOrNull(r, 9), r.ReadNullableString(10));

    public async Task SaveKioskDeviceAsync(KioskDevice device, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            $"""
            INSERT OR REPLACE INTO kiosk_devices ({DeviceColumns})
            VALUES (@id, @name, @window, @pin, @created, @by, @code, @expires, @paired, @revoked, @revokedBy)
            """, cancellationToken, ("@id", device.Id), ("@name", device.Name), ("@window", device.Window), ("@pin", device.PinHash),
            ("@created", Micros(device.CreatedAt)), ("@by", device.CreatedBy), ("@code", device.PairingCodeHash),
            ("@expires", Micros(device.PairingCodeExpiresAt)), ("@paired", Micros(device.PairedAt)), ("@revoked", Micros(device.RevokedAt)),
            ("@revokedBy", device.RevokedBy));
    }

    public async Task<KioskDevice?> FindKioskDeviceAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, $"SELECT {DeviceColumns} FROM kiosk_devices WHERE id = @id", ("@id", id));
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
            """, ("@code", codeHash), ("@now", Micros(now))))
            id = await command.ExecuteScalarAsync(cancellationToken) as string;
        return id is null ? null : await FindKioskDeviceAsync(id, cancellationToken);
    }

    public async Task SetWindowCaseAsync(WindowCase windowCase, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null,
            """
            INSERT INTO window_cases (window_id, case_id, at, by_user) VALUES (@window, @case, @at, @by)
            ON CONFLICT (window_id) DO UPDATE SET case_id = excluded.case_id, at = excluded.at, by_user = excluded.by_user WHERE excluded.at >= window_cases.at
            """, cancellationToken, ("@window", windowCase.Window), ("@case", windowCase.CaseId.ToString("D")), ("@at", Micros(windowCase.At)),
            ("@by", windowCase.By));
    }

    public async Task<WindowCase?> FindWindowCaseAsync(string window, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = connection.Command(null, "SELECT window_id, case_id, at, by_user FROM window_cases WHERE window_id = @window", ("@window", window));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new WindowCase(reader.GetString(0), Guid.Parse(reader.GetString(1)), StoredTime.FromUnixMicroseconds(reader.GetInt64(2)), reader.GetString(3));
    }
}
