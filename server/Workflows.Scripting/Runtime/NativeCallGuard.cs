using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// The two things Jint 4's constraints cannot do, both inside native (built-in) code:
/// <list type="bullet">
/// <item>String growth inside one call. The memory limit is checked between steps, after the
/// fact: <c>'x'.repeat(5e8)</c> or a join of an array of megabyte strings would allocate
/// gigabytes before any check runs. The built-ins whose output can be far larger than their
/// input check the length they would produce (exactly, or an upper bound) before they run.</item>
/// <item>Built-ins calling themselves. <c>o.toString = String.prototype.trim; String(o)</c> or an
/// error whose message is itself recurse through native code only, which neither
/// <c>LimitRecursion</c> (it counts script calls) nor Jint's stack guard (it guards the
/// interpreter) sees, and a stack overflow ends the process. Every method and accessor of the
/// prototypes whose built-ins convert <c>this</c> (String, Object, Array, Error, Date, RegExp,
/// Number, Boolean) and JSON's methods check the remaining stack first.</item>
/// </list>
/// </summary>
internal static class NativeCallGuard
{
    private static readonly string[] GuardedPrototypes = ["String", "Object", "Array", "Error", "Date", "RegExp", "Number", "Boolean"];

    public static void Install(Engine engine, ScriptLimits limits)
    {
        var growth = GrowthChecks(limits.MaxStringLength);
        foreach (var constructor in GuardedPrototypes)
        {
            var prototype = (ObjectInstance)((ObjectInstance)engine.Global.Get(constructor)).Get("prototype");
            var checks = constructor switch
            {
                "String" => growth,
                // Array methods also take array-likes ({ length: 1e9 }), which MaxArraySize does not see.
                "Array" => growth.Keys.ToDictionary(k => k, k => Both(growth[k], ArrayLikeTooLong(limits.MaxArrayLength)), StringComparer.Ordinal),
                _ => null,
            };
            GuardAll(engine, prototype, checks, constructor == "Array" ? ArrayLikeTooLong(limits.MaxArrayLength) : null, limits.MaxStringLength);
        }
        var json = (ObjectInstance)engine.Global.Get("JSON");
        GuardAll(engine, json, new() { ["stringify"] = (_, args) => JsonSize.Exceeds(Arguments.At(args, 0), limits) }, null, limits.MaxStringLength);
    }

    private static Func<JsValue, JsValue[], bool> Both(Func<JsValue, JsValue[], bool> first, Func<JsValue, JsValue[], bool> second) =>
        (self, args) => first(self, args) || second(self, args);

    /// <summary>
    /// An array-like longer than an array may be, or with a length getter (it could answer
    /// differently to this check and to the method).
    /// </summary>
    private static Func<JsValue, JsValue[], bool> ArrayLikeTooLong(int max) => (self, _) =>
    {
        if (self is JsArray array) return array.Length > max;
        if (self is not ObjectInstance target) return false;
        var length = target.GetOwnProperty("length");
        if (length.IsAccessorDescriptor())
            throw new ScriptException(ScriptErrorCodes.Runtime, "数组方法不接受用 getter 定义 length 的对象 (array-like with a length getter)");
        return TypeConverter.ToNumber(target.Get("length")) > max;
    };

    private static void GuardAll(Engine engine, ObjectInstance target, Dictionary<string, Func<JsValue, JsValue[], bool>>? growth,
        Func<JsValue, JsValue[], bool>? otherwise, long maxString)
    {
        foreach (var (key, descriptor) in target.GetOwnProperties().ToList())
        {
            // Constructors keep their identity ([].constructor === Array).
            if (key.IsString() && key.AsString() == "constructor") continue;
            if (descriptor.IsDataDescriptor() && descriptor.Value is Jint.Native.Function.Function function)
            {
                var name = key.ToString();
                var tooLong = growth?.GetValueOrDefault(name) ?? otherwise;
                target.FastSetProperty(key, new PropertyDescriptor(Guard(engine, function, tooLong, maxString), descriptor.Writable, descriptor.Enumerable, descriptor.Configurable));
            }
            else if (descriptor.IsAccessorDescriptor())
            {
                target.FastSetProperty(key, new GetSetPropertyDescriptor(
                    descriptor.Get is Jint.Native.Function.Function get ? Guard(engine, get, null, maxString) : descriptor.Get,
                    descriptor.Set is Jint.Native.Function.Function set ? Guard(engine, set, null, maxString) : descriptor.Set,
                    descriptor.Enumerable, descriptor.Configurable));
            }
        }
    }

    private static ClrFunction Guard(Engine engine, Jint.Native.Function.Function original, Func<JsValue, JsValue[], bool>? tooLong, long maxString)
    {
        var length = original.GetOwnProperty("length").Value is { } l && l.IsNumber() ? (int)l.AsNumber() : 0;
        var name = original.GetOwnProperty("name").Value is { } n && n.IsString() ? n.AsString() : "";
        return new ClrFunction(engine, name, (self, args) =>
        {
            // A native cycle uses a few hundred bytes of stack per turn: this stops it long before
            // the end of the stack, and long before the memory limit would notice anything.
            if (!System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack())
                throw new LimitExceededException(LimitKind.Recursion);
            if (tooLong is not null && tooLong(self, args)) throw new LimitExceededException(LimitKind.StringLength);
            var result = original.Call(self, args);
            // What the estimate could not see (the strings of nested arrays' joins, a replacer's
            // results) is caught at the first call whose output passes the limit, not at the top.
            if (result.IsString() && result.AsString().Length > maxString) throw new LimitExceededException(LimitKind.StringLength);
            return result;
        }, length, PropertyFlag.Configurable);
    }

    private static Dictionary<string, Func<JsValue, JsValue[], bool>> GrowthChecks(long max) => new(StringComparer.Ordinal)
    {
        ["repeat"] = (self, args) => Text(self).Length * Math.Max(0, Count(args, 0)) > max,
        ["padStart"] = (_, args) => Count(args, 0) > max,
        ["padEnd"] = (_, args) => Count(args, 0) > max,
        ["concat"] = (self, args) => Text(self).Length + args.Sum(a => (long)Text(a).Length) > max,
        ["replace"] = (self, args) => ReplaceBound(self, args, all: IsGlobalRegex(args)) > max,
        ["replaceAll"] = (self, args) => ReplaceBound(self, args, all: true) > max,
        ["join"] = (self, args) => JoinBound(self, args) > max,
        ["toString"] = (self, _) => self is JsArray && JoinBound(self, []) > max,
        ["toLocaleString"] = (self, _) => self is JsArray && JoinBound(self, []) > max,
    };

    // Only strings already made are measured: converting an object here would run its toString a
    // second time. Such elements are measured when their own join or concatenation runs.
    private static string Text(JsValue value) => value.IsString() ? value.AsString() : "";

    private static long Count(JsValue[] args, int index)
    {
        var value = Arguments.At(args, index);
        if (!value.IsNumber() && !value.IsString()) return 0;
        var number = TypeConverter.ToNumber(value);
        return double.IsNaN(number) ? 0 : (long)Math.Min(number, long.MaxValue / 4);
    }

    private static bool IsGlobalRegex(JsValue[] args) =>
        Arguments.At(args, 0) is JsRegExp pattern && TypeConverter.ToString(pattern.Get("flags")).Contains('g');

    /// <summary>
    /// Every match (at most one per position, plus one) becomes the replacement; a replacement with
    /// <c>$</c> patterns can copy the whole input per match. A function's results are strings the
    /// script made, which the memory limit measures.
    /// </summary>
    private static long ReplaceBound(JsValue self, JsValue[] args, bool all)
    {
        var input = Text(self).Length;
        var replacement = Arguments.At(args, 1);
        if (!replacement.IsString()) return input;
        var text = replacement.AsString();
        var perMatch = text.Contains('$') ? (long)text.Length * (input + 1) : text.Length;
        var matches = all ? input + 1L : 1L;
        return input + matches * perMatch;
    }

    private static long JoinBound(JsValue self, JsValue[] args)
    {
        if (self is not ObjectInstance array) return 0;
        var length = TypeConverter.ToNumber(array.Get("length"));
        if (double.IsNaN(length) || length <= 0) return 0;
        var count = (long)Math.Min(length, uint.MaxValue);
        var separator = Arguments.At(args, 0) is { } s && s.IsString() ? s.AsString().Length : 1;
        var total = (count - 1) * separator;
        if (self is not JsArray) return total;
        for (uint i = 0; i < count && total <= int.MaxValue; i++)
        {
            if (array.Get(i) is { } element && element.IsString()) total += element.AsString().Length;
        }
        return total;
    }
}
