using System.Collections.Frozen;
using Jint;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// The language level is ES5 (docs/scripting.md), so the global object holds ES5's globals and
/// the sandbox's vocabulary only: Jint 4's later globals (Proxy, Reflect, Promise, Symbol, typed
/// arrays, Intl, ShadowRealm…) are removed, so a script cannot reach what validation does not know.
/// </summary>
internal static class Es5Globals
{
    public static IReadOnlySet<string> Names { get; } = new[]
    {
        "Object", "Function", "Array", "String", "RegExp", "Number", "Boolean", "Date", "Math", "JSON",
        "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
        "parseInt", "parseFloat", "isNaN", "isFinite", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent",
        "NaN", "Infinity", "undefined",
    }.ToFrozenSet(StringComparer.Ordinal);

    // The same for every engine: found once on a probe engine.
    private static readonly Lazy<string[]> Later = new(() =>
        new Engine().Global.GetOwnPropertyKeys().Select(key => key.ToString()).Where(name => !Names.Contains(name)).ToArray());

    public static void RemoveOthers(Engine engine)
    {
        foreach (var name in Later.Value) engine.Global.Delete(name);
    }
}
