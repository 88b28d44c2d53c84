using Jint;
using Jint.Native;
using Workflows.Domain;
using static Workflows.Scripting.Helpers.HelperArguments;

namespace Workflows.Scripting.Helpers;

/// <summary>
/// <c>age(idNumberOrDate[, at])</c>: whole years (周岁) from a valid 18-digit ID number or a
/// 'yyyy-MM-dd' birth date, at the given date or today. Someone born on 29 February gains a
/// year on 1 March in common years.
/// </summary>
internal static class AgeHelper
{
    public static void Install(HelperScope scope) => scope.Function("age", 1, arguments =>
    {
        var birth = BirthOf(Text(arguments, 0));
        var at = arguments.Length > 1 && !arguments[1].IsUndefined() ? Date(arguments, 1) : scope.Today;
        return birth is { } born && at is { } day ? WholeYears(born, day) : JsValue.Null;
    });

    private static DateOnly? BirthOf(string? idNumberOrDate) =>
        idNumberOrDate?.Length == 18 ? ResidentId.BirthDate(idNumberOrDate) : ScriptDates.Parse(idNumberOrDate);

    private static int WholeYears(DateOnly birth, DateOnly at)
    {
        var years = at.Year - birth.Year;
        return (at.Month, at.Day).CompareTo((birth.Month, birth.Day)) < 0 ? years - 1 : years;
    }
}
