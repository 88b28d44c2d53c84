using System.Globalization;

namespace Workflows.Scripting.Helpers;

/// <summary>Dates cross the script boundary as 'yyyy-MM-dd' strings, nothing else.</summary>
internal static class ScriptDates
{
    private const string Format = "yyyy-MM-dd";

    public static DateOnly? Parse(string? text) =>
        text is not null && DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    public static string ToText(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);
}
