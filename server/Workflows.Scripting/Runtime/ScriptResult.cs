using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime;

namespace Workflows.Scripting.Runtime;

/// <summary>How a completion value leaves the sandbox.</summary>
internal static class ScriptResult
{
    /// <summary>
    /// As JSON.stringify would write it (dates as ISO strings, NaN as null, functions dropped,
    /// cycles refused), then parsed: the host receives plain data only. undefined becomes null.
    /// </summary>
    public static JsonNode? ToJson(Engine engine, ScriptLimits limits, JsValue value)
    {
        if (JsonSize.Exceeds(value, limits)) throw new LimitExceededException(LimitKind.StringLength);
        var json = new JsonSerializer(engine).Serialize(value);
        if (!json.IsString()) return null;
        var text = json.AsString();
        if (text.Length > limits.MaxStringLength) throw new LimitExceededException(LimitKind.StringLength);
        return JsonNode.Parse(text);
    }

    /// <summary>JavaScript truthiness: false, 0, NaN, '', null and undefined are false.</summary>
    public static bool ToCondition(Engine engine, ScriptLimits limits, JsValue value) => TypeConverter.ToBoolean(value);
}
