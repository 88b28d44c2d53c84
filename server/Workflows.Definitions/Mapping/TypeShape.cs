using System.Collections.Concurrent;
using System.Reflection;

namespace Workflows.Definitions.Mapping;

/// <summary>One mapped property of a model class: its key, label and the attributes that drive checks.</summary>
public sealed record MemberShape(
    PropertyInfo Property,
    string Key,
    string Label,
    string? Description,
    bool Required,
    bool AsMap,
    RefKind? Ref,
    bool IsScript,
    IdAttribute? Id)
{
    public Type Type => Property.PropertyType;
}

/// <summary>The mapped members of a model class, in declaration order (which is the canonical key order).</summary>
public sealed class TypeShape
{
    private static readonly ConcurrentDictionary<Type, TypeShape> Cache = new();

    public Type Type { get; }
    public string Label { get; }
    public IReadOnlyList<MemberShape> Members { get; }
    public MemberShape? MapKey { get; }
    private readonly Dictionary<string, MemberShape> _byKey;

    private TypeShape(Type type)
    {
        Type = type;
        Label = type.GetCustomAttribute<LabelAttribute>()?.Text ?? type.Name;
        Members = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite)
            .OrderBy(p => p.MetadataToken)
            .Select(Describe)
            .ToList();
        MapKey = Members.FirstOrDefault(m => m.Property.IsDefined(typeof(MapKeyAttribute)));
        _byKey = Members.ToDictionary(m => m.Key, StringComparer.Ordinal);
        BodyMembers = Members.Where(m => m != MapKey).ToList();
        RequiredMembers = BodyMembers.Where(m => m.Required).ToList();
    }

    public static TypeShape Of(Type type) => Cache.GetOrAdd(type, t => new TypeShape(t));

    public MemberShape? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Keys written in the file: a map-keyed element's key lives outside its body.</summary>
    public IReadOnlyList<MemberShape> BodyMembers { get; }

    /// <summary>The required body members, checked on every object read.</summary>
    public IReadOnlyList<MemberShape> RequiredMembers { get; }

    private static MemberShape Describe(PropertyInfo p)
    {
        var label = p.GetCustomAttribute<LabelAttribute>();
        return new MemberShape(
            p,
            p.GetCustomAttribute<YamlNameAttribute>()?.Name ?? Naming.Kebab(p.Name),
            label?.Text ?? p.Name,
            label?.Description,
            p.IsDefined(typeof(RequiredAttribute)),
            p.IsDefined(typeof(AsMapAttribute)),
            p.GetCustomAttribute<RefAttribute>()?.Kind,
            p.IsDefined(typeof(ScriptAttribute)),
            p.GetCustomAttribute<IdAttribute>());
    }

    /// <summary>The element type of a <c>List&lt;T&gt;</c>, or null.</summary>
    public static Type? ListElement(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>The value type of an <c>OrderedDictionary&lt;string, T&gt;</c>, or null.</summary>
    public static Type? MapValue(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(OrderedDictionary<,>) ? type.GetGenericArguments()[1] : null;

    public static bool IsScalarType(Type type) => ScalarCodec.Handles(type);
}
