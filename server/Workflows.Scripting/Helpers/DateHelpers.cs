using Jint.Native;
using static Workflows.Scripting.Helpers.HelperArguments;

namespace Workflows.Scripting.Helpers;

/// <summary><c>date.format(d, pattern)</c> (see <see cref="DatePattern"/>) and <c>date.addDays(d, n)</c> → 'yyyy-MM-dd'.</summary>
internal static class DateHelpers
{
    private const string DefaultPattern = "yyyy-MM-dd";

    public static void Install(HelperScope scope) => scope.Namespace(
        "date",
        ("format", 2, arguments => Date(arguments, 0) is { } day
            ? DatePattern.Format(day, Text(arguments, 1) ?? DefaultPattern)
            : JsValue.Null),
        ("addDays", 2, arguments => AddDays(Date(arguments, 0), WholeNumber(arguments, 1, int.MaxValue))));

    private static JsValue AddDays(DateOnly? day, int? days)
    {
        if (day is not { } start || days is not { } n)
        {
            return JsValue.Null;
        }

        var target = (long)start.DayNumber + n;
        return target >= DateOnly.MinValue.DayNumber && target <= DateOnly.MaxValue.DayNumber
            ? DateOrNull(DateOnly.FromDayNumber((int)target))
            : JsValue.Null;
    }
}
