using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Json;
using Workflows.Scripting.Guards;

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

    /// <exception cref="ScriptException">WF4105 when the data is nested deeper than the limit.</exception>
    public static void Define(Engine engine, JsonObject? data, ScriptLimits limits)
    {
        foreach (var root in ScriptVocabulary.DataRoots)
        {
            JsonNode? node = null;
            var present = data is not null && data.TryGetPropertyValue(root, out node);
            var value = present ? ToJs(engine, node, limits) : engine.Object.Construct(Jint.Runtime.Arguments.Empty);
            engine.Global.FastAddProperty(root, value, true, false, true);
        }
    }

    private static JsValue ToJs(Engine engine, JsonNode? node, ScriptLimits limits)
    {
        if (node is null)
        {
            return JsValue.Null;
        }

        var json = node.ToJsonString();
        if (JsonNesting.DepthOf(json) > limits.MaxRecursionDepth)
        {
            throw ScriptErrors.Limit(LimitKind.DataNesting, limits);
        }

        return new JsonParser(engine).Parse(json);
    }
}
