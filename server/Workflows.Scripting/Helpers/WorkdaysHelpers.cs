using Jint.Native;
using static Workflows.Scripting.Helpers.HelperArguments;

namespace Workflows.Scripting.Helpers;

/// <summary>
/// <c>workdays.add(date, n)</c> → 'yyyy-MM-dd' and <c>workdays.between(a, b)</c> → a count, over the
/// working calendar (counting starts the day after <c>date</c>, or after <c>a</c>).
/// </summary>
internal static class WorkdaysHelpers
{
    // About forty years of working days: far beyond any deadline, and it bounds the day-by-day walk.
    private const int MaxWorkingDays = 10_000;

    public static void Install(HelperScope scope) => scope.Namespace(
        "workdays",
        ("add", 2, arguments => Add(scope, Date(arguments, 0), WholeNumber(arguments, 1, MaxWorkingDays))),
        ("between", 2, arguments => Date(arguments, 0) is { } from && Date(arguments, 1) is { } to
            ? scope.Calendar.WorkingDaysBetween(from, to)
            : JsValue.Null));

    private static JsValue Add(HelperScope scope, DateOnly? start, int? count)
    {
        if (start is not { } from || count is not { } n)
        {
            return JsValue.Null;
        }

        try
        {
            return DateOrNull(scope.Calendar.AddWorkingDays(from, n));
        }
        catch (ArgumentOutOfRangeException)
        {
            // Counting ran past year 9999 or before year 1.
            return JsValue.Null;
        }
    }
}
