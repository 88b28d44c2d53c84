using Microsoft.Data.Sqlite;

namespace Workflows.Storage.Sqlite;

public sealed partial class SqliteCaseStore
{
    public async Task ScheduleAsync(ScheduledTimer timer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await WriteAsync(async (writer, tx) =>
        {
            await UpsertTimersAsync(writer, tx, [timer], cancellationToken);
            await tx.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task CancelTimerAsync(string timerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null, "DELETE FROM timers WHERE id = @id AND fired_at IS NULL", cancellationToken, ("@id", timerId));
    }

    public Task<IReadOnlyList<ScheduledTimer>> PendingTimersAsync(CancellationToken cancellationToken = default) =>
        ReadTimersAsync("SELECT id, case_id, kind, due_at, payload FROM timers WHERE fired_at IS NULL ORDER BY due_at, id", null, cancellationToken);

    public Task<IReadOnlyList<ScheduledTimer>> DueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ReadTimersAsync("SELECT id, case_id, kind, due_at, payload FROM timers WHERE fired_at IS NULL AND due_at <= @now ORDER BY due_at, id",
            StoredTime.ToUnixMicroseconds(now), cancellationToken);

    public async Task<bool> MarkFiredAsync(string timerId, DateTimeOffset firedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // One conditional UPDATE is the claim: the row changes for exactly one caller.
        var changed = await connection.ExecAsync(null, "UPDATE timers SET fired_at = @at WHERE id = @id AND fired_at IS NULL", cancellationToken,
            ("@id", timerId), ("@at", StoredTime.ToUnixMicroseconds(firedAt)));
        return changed == 1;
    }

    private async Task<IReadOnlyList<ScheduledTimer>> ReadTimersAsync(string sql, long? now, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, now is null ? [] : [("@now", now)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var timers = new List<ScheduledTimer>();
        while (await reader.ReadAsync(ct))
        {
            timers.Add(new ScheduledTimer(reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetString(2),
                StoredTime.FromUnixMicroseconds(reader.GetInt64(3)), reader.GetString(4)));
        }
        return timers;
    }
}
