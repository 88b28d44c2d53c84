namespace Workflows.Storage.PostgreSql;

public sealed partial class PostgreSqlCaseStore
{
    public async Task ScheduleAsync(ScheduledTimer timer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await UpsertTimersAsync(connection, tx, [timer], cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    public async Task CancelTimerAsync(string timerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await connection.ExecAsync(null, "DELETE FROM timers WHERE id = @id AND fired_at IS NULL", cancellationToken, ("id", timerId));
    }

    public Task<IReadOnlyList<ScheduledTimer>> PendingTimersAsync(CancellationToken cancellationToken = default) =>
        ReadTimersAsync("SELECT id, case_id, kind, due_at, payload FROM timers WHERE fired_at IS NULL ORDER BY due_at, id", null, cancellationToken);

    public Task<IReadOnlyList<ScheduledTimer>> DueTimersAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        ReadTimersAsync("SELECT id, case_id, kind, due_at, payload FROM timers WHERE fired_at IS NULL AND due_at <= @now ORDER BY due_at, id",
            now.Utc(), cancellationToken);

    public async Task<bool> MarkFiredAsync(string timerId, DateTimeOffset firedAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        // One conditional UPDATE is the claim: a second claimer blocks on the row lock, then sees
        // fired_at set and changes nothing, so exactly one caller gets true.
        var changed = await connection.ExecAsync(null, "UPDATE timers SET fired_at = @at WHERE id = @id AND fired_at IS NULL", cancellationToken,
            ("id", timerId), ("at", firedAt.Utc()));
        return changed == 1;
    }

    private async Task<IReadOnlyList<ScheduledTimer>> ReadTimersAsync(string sql, DateTimeOffset? now, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = connection.Command(null, sql, now is null ? [] : [("now", now.Value)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var timers = new List<ScheduledTimer>();
        while (await reader.ReadAsync(ct))
        {
            timers.Add(new ScheduledTimer(reader.GetString(0), reader.GetGuid(1), reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3), reader.GetString(4)));
        }
        return timers;
    }
}
