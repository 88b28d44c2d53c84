namespace Workflows.Domain;

/// <summary>
/// China Standard Time (UTC+8, no daylight saving since 1991): the clock every date of a case is
/// counted in (receipt, working days, due dates, document dates), whatever the server's zone.
/// Instants are stored in UTC; this is the one place that turns them into Chinese dates and times.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The zone for APIs that want one (Jint's local time).</summary>
    public static TimeZoneInfo Zone { get; } =
        TimeZoneInfo.CreateCustomTimeZone("China Standard Time", Offset, "China Standard Time", "China Standard Time");

    /// <summary>The same instant as Beijing's clock shows it.</summary>
    public static DateTimeOffset Of(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>The calendar day in Beijing at that instant.</summary>
    public static DateOnly DateOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Midnight at the start of a Beijing day, as an instant.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}
