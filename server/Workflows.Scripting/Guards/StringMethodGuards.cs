using System.Text;
using System.Text.RegularExpressions;
using Jint;
using Jint.Native;
using Jint.Native.RegExp;
using Jint.Runtime;

namespace Workflows.Scripting.Guards;

/// <summary>
/// String methods whose output can dwarf their input or that run regular expressions: the
/// result size is computed from the actual matches before Jint builds it.
/// </summary>
internal sealed class StringMethodGuards(Engine engine, ExecutionBudget budget, RegexTimeouts regexes)
{
    /// <summary>String.prototype.concat (ES5 15.5.4.6), checking the length as it grows.</summary>
    public JsValue Concat(JsValue thisObject, JsValue[] arguments)
    {
        TypeConverter.CheckObjectCoercible(engine, thisObject);
        var text = new StringBuilder(TypeConverter.ToString(thisObject));
        foreach (var argument in arguments)
        {
            text.Append(TypeConverter.ToString(argument));
            budget.CheckStringLength(text.Length);
        }

        return text.ToString();
    }

    public void BeforeSplit(JsValue thisObject, JsValue[] arguments)
    {
        if (!TryReceiverText(thisObject, out var text))
        {
            return;
        }

        var separator = Arguments.At(arguments, 0);
        long pieces;
        if (separator.IsUndefined())
        {
            pieces = 1;
        }
        else if (AsRegExp(separator) is { } regExp)
        {
            regexes.Apply(regExp);
            // Captured groups are spliced into the result after every match.
            pieces = CountMatches(regExp.Value, text) * (long)regExp.Value.GetGroupNumbers().Length + 1;
        }
        else
        {
            var separatorText = TypeConverter.ToString(separator);
            arguments[0] = separatorText;
            pieces = separatorText.Length == 0 ? text.Length : CountOccurrences(text, separatorText) + 1;
        }

        var limit = Arguments.At(arguments, 1);
        if (!limit.IsUndefined())
        {
            pieces = Math.Min(pieces, TypeConverter.ToUint32(limit));
        }

        budget.CheckArrayLength(pieces);
        budget.CheckMemory(pieces * NativeCost.BytesPerStringPiece);
    }

    public NativeBody Match(NativeBody original) => (thisObject, arguments) =>
    {
        if (!TryReceiverText(thisObject, out var text))
        {
            return original(thisObject, arguments);
        }

        var regExp = ToRegExp(Arguments.At(arguments, 0));
        if (regExp.Global)
        {
            var matches = CountMatches(regExp.Value, text);
            budget.CheckArrayLength(matches);
            budget.CheckMemory(matches * NativeCost.BytesPerArrayElement);
        }

        return original(thisObject, WithFirst(arguments, regExp));
    };

    public NativeBody Search(NativeBody original) => (thisObject, arguments) =>
        TryReceiverText(thisObject, out _)
            ? original(thisObject, WithFirst(arguments, ToRegExp(Arguments.At(arguments, 0))))
            : original(thisObject, arguments);

    public NativeBody Replace(NativeBody original) => (thisObject, arguments) =>
    {
        if (!TryReceiverText(thisObject, out var text))
        {
            return original(thisObject, arguments);
        }

        var search = Arguments.At(arguments, 0);
        var replacement = Arguments.At(arguments, 1);
        var regExp = AsRegExp(search);
        if (regExp is null)
        {
            search = TypeConverter.ToString(search);
        }
        else
        {
            regexes.Apply(regExp);
        }

        var byCallback = replacement.IsObject() && replacement.AsObject() is ICallable;
        if (!byCallback)
        {
            replacement = TypeConverter.ToString(replacement);
        }

        var substitution = byCallback ? null : new Substitution(replacement.AsString());
        long resultLength = text.Length;
        long count = 0;
        foreach (var occurrence in Occurrences(text, regExp, search))
        {
            count++;
            if (substitution is null)
            {
                // The callback is script code: it is checked as it runs.
                budget.CheckMemory(count * NativeCost.BytesPerStringPiece);
                continue;
            }

            resultLength += substitution.LengthFor(occurrence, text) - occurrence.Length;
            budget.CheckStringLength(resultLength);
        }

        budget.CheckMemory(resultLength * sizeof(char) * 2);
        return original(thisObject, [search, replacement, .. arguments.Skip(2)]);
    };

    private bool TryReceiverText(JsValue thisObject, out string text)
    {
        // undefined and null are left to the original, which throws the TypeError the spec asks for.
        text = thisObject.IsUndefined() || thisObject.IsNull() ? "" : TypeConverter.ToString(thisObject);
        return !thisObject.IsUndefined() && !thisObject.IsNull();
    }

    private static RegExpInstance? AsRegExp(JsValue value) =>
        value.IsObject() && value.AsObject() is RegExpInstance regExp ? regExp : null;

    /// <summary>ES5 15.5.4.10/12: anything but a RegExp becomes <c>new RegExp(value)</c>.</summary>
    private RegExpInstance ToRegExp(JsValue value)
    {
        var regExp = AsRegExp(value);
        if (regExp is null)
        {
            var source = value.IsUndefined() ? "" : TypeConverter.ToString(value);
            ConstructorGuards.ChargeForPattern(budget, source);
            regExp = (RegExpInstance)engine.RegExp.Construct([source]);
        }

        regexes.Apply(regExp);
        return regExp;
    }

    private static JsValue[] WithFirst(JsValue[] arguments, JsValue first) => [first, .. arguments.Skip(1)];

    private static long CountOccurrences(string text, string separator)
    {
        long count = 0;
        for (var index = text.IndexOf(separator, StringComparison.Ordinal); index >= 0; index = text.IndexOf(separator, index + separator.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Counts lazily, one match at a time, stopping past the array limit: a MatchCollection would hold them all.</summary>
    private long CountMatches(Regex regex, string text)
    {
        long count = 0;
        for (var match = regex.Match(text); match.Success; match = match.NextMatch())
        {
            if (++count > budget.Limits.MaxArrayLength)
            {
                break;
            }

            if (count % 1024 == 0)
            {
                budget.Check();
            }
        }

        return count;
    }

    /// <summary>What replace will substitute: every match of a global expression, else the first match or occurrence.</summary>
    private IEnumerable<Occurrence> Occurrences(string text, RegExpInstance? regExp, JsValue search)
    {
        if (regExp is null)
        {
            var needle = search.AsString();
            var index = text.IndexOf(needle, StringComparison.Ordinal);
            if (index >= 0)
            {
                yield return new Occurrence(index, needle.Length, null);
            }

            yield break;
        }

        long count = 0;
        for (var match = regExp.Value.Match(text); match.Success; match = match.NextMatch())
        {
            yield return new Occurrence(match.Index, match.Length, match);
            if (!regExp.Global)
            {
                yield break;
            }

            if (++count % 1024 == 0)
            {
                budget.Check();
            }
        }
    }
}
