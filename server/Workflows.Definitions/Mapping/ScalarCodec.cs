using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;

namespace Workflows.Definitions.Mapping;

/// <summary>Reads and writes the scalar types of the model: strings, numbers, booleans, dates, enums and <see cref="IYamlScalar{TSelf}"/> values.</summary>
public static class ScalarCodec
{
    private static readonly ConcurrentDictionary<Type, EnumShape> Enums = new();

    // Asked for every node read and written: answered once per type.
    private static readonly ConcurrentDictionary<Type, bool> Scalars = new();
    private static readonly ConcurrentDictionary<Type, MethodInfo?> CustomParsers = new();

    public static bool Handles(Type type) => Scalars.GetOrAdd(type, static t =>
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t == typeof(string) || t == typeof(int) || t == typeof(decimal) || t == typeof(double)
            || t == typeof(bool) || t == typeof(DateOnly) || t.IsEnum || IsCustomScalar(t);
    });

    public static bool IsCustomScalar(Type type) => CustomParser(type) is not null;

    private static MethodInfo? CustomParser(Type type) => CustomParsers.GetOrAdd(type, static t =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IYamlScalar<>))
            ? t.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), t.MakeByRefType(), typeof(string).MakeByRefType()])
            : null);

    /// <summary>Parses <paramref name="text"/> as <paramref name="type"/>; on failure returns false with a Chinese-first message.</summary>
    public static bool TryRead(Type type, string text, out object? value, out string error)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        error = "";
        value = null;
        if (type == typeof(string)) { value = text; return true; }
        if (type == typeof(int))
        {
            if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) { value = i; return true; }
            error = $"'{text}' 不是整数 (expected an integer)";
            return false;
        }
        if (type == typeof(decimal))
        {
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) { value = d; return true; }
            error = $"'{text}' 不是数字 (expected a number)";
            return false;
        }
        if (type == typeof(double))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) { value = d; return true; }
            error = $"'{text}' 不是数字 (expected a number)";
            return false;
        }
        if (type == typeof(bool))
        {
            if (text is "true" or "false") { value = text == "true"; return true; }
            error = $"'{text}' 应为 true 或 false (expected true or false)";
            return false;
        }
        if (type == typeof(DateOnly))
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) { value = d; return true; }
            error = $"'{text}' 不是有效日期，格式为 2026-10-01 (expected a date yyyy-MM-dd)";
            return false;
        }
        if (type.IsEnum)
        {
            var shape = EnumOf(type);
            if (shape.ByName.TryGetValue(text, out var member)) { value = member; return true; }
            error = $"'{text}' 不是允许的值，可选: {string.Join(", ", shape.Names)}{Naming.DidYouMean(text, shape.Names)}";
            return false;
        }
        if (CustomParser(type) is { } method)
        {
            var args = new object?[] { text, null, null };
            if ((bool)method.Invoke(null, args)!) { value = args[1]; return true; }
            error = (string)args[2]!;
            return false;
        }
        throw new NotSupportedException($"No scalar codec for {type}");
    }

    /// <summary>The canonical text of a scalar value.</summary>
    public static string Write(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => EnumOf(e.GetType()).NameOf(e),
        _ when IsCustomScalar(value.GetType()) => (string)value.GetType().GetMethod("ToYaml")!.Invoke(value, null)!,
        _ => throw new NotSupportedException($"No scalar codec for {value.GetType()}"),
    };

    /// <summary>The Chinese label of a value, for the diff and the designer (enum members carry <see cref="LabelAttribute"/>).</summary>
    public static string Describe(object value) => value switch
    {
        Enum e => EnumOf(e.GetType()).LabelOf(e),
        bool b => b ? "是" : "否",
        _ => Write(value),
    };

    public static EnumShape EnumOf(Type type) => Enums.GetOrAdd(type, t => new EnumShape(t));
}

public sealed class EnumShape
{
    public IReadOnlyList<string> Names { get; }
    public IReadOnlyList<string> Labels { get; }
    internal Dictionary<string, object> ByName { get; }
    private readonly Dictionary<object, (string Name, string Label)> _byValue = [];

    internal EnumShape(Type type)
    {
        ByName = new(StringComparer.Ordinal);
        var names = new List<string>();
        var labels = new List<string>();
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = field.GetCustomAttribute<YamlNameAttribute>()?.Name ?? Naming.Kebab(field.Name);
            var label = field.GetCustomAttribute<LabelAttribute>()?.Text ?? name;
            var value = field.GetValue(null)!;
            ByName[name] = value;
            _byValue[value] = (name, label);
            names.Add(name);
            labels.Add(label);
        }
        Names = names;
        Labels = labels;
    }

    public string NameOf(object value) => _byValue[value].Name;
    public string LabelOf(object value) => _byValue[value].Label;
}
