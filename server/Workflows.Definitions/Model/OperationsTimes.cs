using System.Globalization;

namespace Workflows.Definitions.Model;

/// <summary>The defaults of <see cref="OperationsSettings"/> and reading its time of day.</summary>
public static class OperationsTimes
{
    /// <summary>Days before the year ends from which a missing next-year calendar is warned about daily.</summary>
    public const int DefaultCalendarWarningDays = 30;

    /// <summary>When the daily supervision digest goes out (China time).</summary>
    public static readonly TimeOnly DefaultDigestAt = new(8, 0);

    /// <summary>A time of day written as HH:mm (00:00–23:59), or null.</summary>
    public static TimeOnly? Parse(string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;

    public static int CalendarWarningDays(Office? office) => office?.Operations?.CalendarWarningDays ?? DefaultCalendarWarningDays;

    public static TimeOnly DigestAt(Office? office) =>
        office?.Operations?.DigestAt is { } text && Parse(text) is { } at ? at : DefaultDigestAt;
}
