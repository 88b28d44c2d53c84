using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Workflows.Scripting.Helpers;

/// <summary>
/// Argument reading for helpers. Helpers answer null when they cannot answer (a malformed ID,
/// an empty form field), so a condition on bad input is simply false instead of an error.
/// </summary>
internal static class HelperArguments
{
    public static string? Text(JsValue[] arguments, int index) =>
        Arguments.At(arguments, index) is var value && value.IsString() ? value.AsString() : null;

    public static DateOnly? Date(JsValue[] arguments, int index) => ScriptDates.Parse(Text(arguments, index));

    /// <summary>An integral count: numbers and numeric strings (form fields are strings) are truncated as JavaScript does.</summary>
    public static int? WholeNumber(JsValue[] arguments, int index, int maxMagnitude)
    {
        var value = Arguments.At(arguments, index);
        if (!value.IsNumber() && !value.IsString())
        {
            return null;
        }

        var number = TypeConverter.ToNumber(value);
        if (double.IsNaN(number) || Math.Abs(number) > maxMagnitude)
        {
            return null;
        }

        return (int)Math.Truncate(number);
    }

    public static JsValue TextOrNull(string? text) => text is null ? JsValue.Null : JsString.Create(text);

    public static JsValue DateOrNull(DateOnly? date) => date is { } value ? JsString.Create(ScriptDates.ToText(value)) : JsValue.Null;
}
