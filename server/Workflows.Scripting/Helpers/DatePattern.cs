using System.Globalization;
using System.Text;

namespace Workflows.Scripting.Helpers;

/// <summary>
/// Formats a date with y, M and d runs (yyyy年M月d日, yyyy-MM-dd, yy/M/d); every other character
/// is copied as is. .NET's own custom formats are not used because a lone "d" or "M" there is a
/// culture-dependent standard format, and letters such as h, m or t would be read as time fields.
/// </summary>
internal static class DatePattern
{
    public static string Format(DateOnly date, string pattern)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pattern.Length;)
        {
            var field = pattern[i];
            var run = 1;
            while (i + run < pattern.Length && pattern[i + run] == field)
            {
                run++;
            }

            switch (field)
            {
                case 'y':
                    text.Append(run == 2 ? Padded(date.Year % 100, 2) : Padded(date.Year, run));
                    break;
                case 'M':
                    text.Append(Padded(date.Month, run));
                    break;
                case 'd':
                    text.Append(Padded(date.Day, run));
                    break;
                default:
                    text.Append(field, run);
                    break;
            }

            i += run;
        }

        return text.ToString();
    }

    private static string Padded(int value, int width) =>
        value.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
}
