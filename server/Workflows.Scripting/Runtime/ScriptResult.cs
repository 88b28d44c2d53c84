using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Workflows.Scripting.Guards;

namespace Workflows.Scripting.Runtime;

/// <summary>How a completion value leaves the sandbox.</summary>
internal static class ScriptResult
{
    /// <summary>
    /// As JSON.stringify would write it (dates as ISO strings, NaN as null, functions dropped,
    /// cycles refused), then parsed: the host receives plain data only. undefined becomes null.
    /// </summary>
    public static JsonNode? ToJson(Engine engine, ExecutionBudget budget, JsValue value) =>
        new JsonWriter(engine, budget, JsValue.Undefined, JsValue.Undefined).Write(value) is { } json
            ? JsonNode.Parse(json)
            : null;

    /// <summary>JavaScript truthiness: false, 0, NaN, '', null and undefined are false.</summary>
    public static bool ToCondition(Engine engine, ExecutionBudget budget, JsValue value) => TypeConverter.ToBoolean(value);
}
