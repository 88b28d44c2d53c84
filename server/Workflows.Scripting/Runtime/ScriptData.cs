using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Jint.Runtime.Descriptors;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// Puts the evaluation's data (applicant, form, materials, case) into the engine as plain
/// JavaScript values, through JSON so that nothing of the host is reachable from the script.
/// A key that is absent becomes an empty object, so <c>form.x</c> reads undefined instead of failing.
/// </summary>
internal static class ScriptData
{
    /// <exception cref="ArgumentException">The data has a key outside <see cref="ScriptVocabulary.DataRoots"/>.</exception>
    public static void Validate(JsonObject? data)
    {
        var unknown = data?.Select(property => property.Key).Where(key => !ScriptVocabulary.DataRoots.Contains(key)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"脚本数据只能包含 {string.Join("、", ScriptVocabulary.DataRoots)} (unknown data keys: {string.Join(", ", unknown)})",
                nameof(data));
        }
    }

    /// <exception cref="ScriptException">WF4105 when the data is nested deeper than the limit (Jint's JSON parse depth).</exception>
    public static void Define(Engine engine, JsonObject? data, ScriptLimits limits)
    {
        var parser = new JsonParser(engine, limits.MaxRecursionDepth);
        foreach (var root in ScriptVocabulary.DataRoots)
        {
            JsonNode? node = null;
            var present = data is not null && data.TryGetPropertyValue(root, out node);
            JsValue value;
            try
            {
                value = !present ? new JsObject(engine) : node is null ? JsValue.Null : parser.Parse(node.ToJsonString());
            }
            catch (Exception exception) when (exception is Jint.Runtime.JavaScriptException or InsufficientExecutionStackException)
            {
                throw ScriptErrors.Limit(LimitKind.DataNesting, limits, innerException: exception);
            }
            engine.Global.FastSetProperty(root, new PropertyDescriptor(value, writable: true, enumerable: false, configurable: true));
        }
    }
}
