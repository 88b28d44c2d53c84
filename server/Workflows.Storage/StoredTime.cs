namespace Workflows.Storage;

/// <summary>
/// The one precision every provider keeps: whole microseconds, UTC. PostgreSQL's timestamptz
/// drops the last digit of .NET ticks, and a hashed timestamp that changes on the way through the
/// database would break the chain, so times are normalised before they are hashed or stored.
/// </summary>
public static class StoredTime
{
    public static DateTimeOffset Normalize(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }

    public static long ToUnixMicroseconds(DateTimeOffset value) =>
        (Normalize(value).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    public static DateTimeOffset FromUnixMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + microseconds * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
}
