using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Scriban.Runtime;

namespace Workflows.Documents.Templates;

/// <summary>
/// JSON data as Scriban sees it: objects become <see cref="ScriptObject"/>s, arrays
/// <see cref="ScriptArray"/>s, values strings, whole numbers (long), decimals (keeping their
/// written scale, so 12.50 prints 12.50) and booleans. Nothing else: Scriban reads every public
/// member of a .NET object it is given (its MemberFilter is no security boundary), so templates
/// only ever see this tree. A <c>JsonElement</c> cannot be navigated by Scriban either.
/// </summary>
public static class PlainData
{
    public static ScriptObject From(JsonObject data) => Object(data);

    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => Object(o),
        JsonArray a => Array(a),
        JsonValue v => Value(v),
        _ => node.ToJsonString(),
    };

    private static ScriptObject Object(JsonObject o)
    {
        var result = new ScriptObject(o.Count);
        foreach (var (key, value) in o) result.Add(key, From(value));
        return result;
    }

    private static ScriptArray Array(JsonArray a)
    {
        var result = new ScriptArray(a.Count);
        foreach (var item in a) result.Add(From(item));
        return result;
    }

    private static object? Value(JsonValue v)
    {
        switch (v.GetValueKind())
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.Null: return null;
            case JsonValueKind.Number:
                if (v.TryGetValue<long>(out var whole)) return whole;
                if (v.TryGetValue<int>(out var small)) return (long)small;
                if (v.TryGetValue<decimal>(out var d)) return d;
                var text = v.ToJsonString();
                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d
                    : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            default:
                // Strings, and values built from .NET types that serialize as strings (dates, enums, Guids).
                return v.TryGetValue<string>(out var s) ? s : JsonSerializer.Deserialize<string>(v.ToJsonString());
        }
    }
}
