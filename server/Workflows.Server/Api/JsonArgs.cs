using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflows.Server.Api;

/// <summary>
/// Typed reads from a JSON request body that collect every problem instead of throwing, so a
/// caller's mistake is one 400 listing all bad fields, never a 500.
/// </summary>
public sealed class JsonArgs(JsonObject body)
{
    private readonly List<string> _errors = [];

    public JsonObject Body => body;

    public IReadOnlyList<string> Errors => _errors;

    public bool Ok => _errors.Count == 0;

    public IResult Problem() => Problems.Of(400, Problems.InvalidRequest, "请求参数有误 (invalid request)", string.Join("；", _errors),
        new Dictionary<string, object?> { ["errors"] = _errors });

    public string? String(string name, bool required = false) => StringOf(body, name, name, required);

    public string Required(string name) => String(name, required: true) ?? "";

    public int? Int(string name, bool required = false)
    {
        var node = body[name];
        if (node is null) { Missing(name, required); return null; }
        if (node.GetValueKind() == JsonValueKind.Number && node.AsValue().TryGetValue(out int value)) return value;
        _errors.Add($"{name} 应为整数");
        return null;
    }

    public bool Bool(string name) => body[name]?.GetValueKind() == JsonValueKind.True;

    /// <summary>A boolean that must be given (true or false), unlike <see cref="Bool(string)"/> which reads a missing one as false.</summary>
    public bool? Bool(string name, bool required)
    {
        var kind = body[name]?.GetValueKind();
        if (kind is JsonValueKind.True or JsonValueKind.False) return kind == JsonValueKind.True;
        if (kind is null) Missing(name, required);
        else _errors.Add($"{name} 应为 true 或 false");
        return null;
    }

    public DateOnly? Date(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        _errors.Add($"{name} 应为日期 yyyy-MM-dd");
        return null;
    }

    /// <summary>Accepts the C# name or its kebab-case (<c>VerySatisfied</c>, <c>very-satisfied</c>).</summary>
    public T? Enum<T>(string name, bool required = false) where T : struct, System.Enum => EnumOf<T>(String(name, required), name);

    public T? EnumOf<T>(string? text, string name) where T : struct, System.Enum
    {
        if (text is null) return null;
        if (System.Enum.TryParse<T>(text.Replace("-", ""), ignoreCase: true, out var value) && !int.TryParse(text, out _)) return value;
        _errors.Add($"{name} 的取值 '{text}' 无效，可选：{string.Join(", ", System.Enum.GetNames<T>().Select(Kebab))}");
        return null;
    }

    public IReadOnlyList<string> Strings(string name, bool required = false)
    {
        var node = body[name];
        if (node is null) { Missing(name, required); return []; }
        if (node is JsonArray array && array.All(n => n?.GetValueKind() == JsonValueKind.String))
        {
            var values = array.Select(n => (string)n!).ToList();
            if (required && values.Count == 0) _errors.Add($"{name} 不能为空");
            return values;
        }
        _errors.Add($"{name} 应为字符串数组");
        return [];
    }

    public IReadOnlyList<JsonObject> Objects(string name, bool required = false)
    {
        var node = body[name];
        if (node is null) { Missing(name, required); return []; }
        if (node is JsonArray array && array.All(n => n is JsonObject)) return array.Select(n => (JsonObject)n!).ToList();
        _errors.Add($"{name} 应为对象数组");
        return [];
    }

    public JsonObject? Object(string name, bool required = false)
    {
        var node = body[name];
        if (node is null) { Missing(name, required); return null; }
        if (node is JsonObject o) return o;
        _errors.Add($"{name} 应为 JSON 对象");
        return null;
    }

    public string? StringOf(JsonObject o, string name, string path, bool required)
    {
        var node = o[name];
        if (node is null) { Missing(path, required); return null; }
        if (node.GetValueKind() != JsonValueKind.String) { _errors.Add($"{path} 应为字符串"); return null; }
        var value = ((string)node!).Trim();
        if (required && value.Length == 0) { _errors.Add($"{path} 不能为空"); return null; }
        return value;
    }

    public void Error(string message) => _errors.Add(message);

    private void Missing(string name, bool required)
    {
        if (required) _errors.Add($"缺少 {name}");
    }

    public static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
