namespace Workflows.Definitions.Mapping;

/// <summary>The Chinese name of a field, value or type: shown by the designer, the diff and the JSON Schemas.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Class)]
public sealed class LabelAttribute(string text, string? description = null) : Attribute
{
    public string Text { get; } = text;
    public string? Description { get; } = description;
}

/// <summary>The key must be present in the file.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredAttribute : Attribute;

/// <summary>Overrides the kebab-case key derived from the property name.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class YamlNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// A list written as a mapping keyed by each element's <see cref="MapKeyAttribute"/> property
/// (workflow steps: <c>review: { kind: task, ... }</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AsMapAttribute : Attribute;

/// <summary>The element property that holds the key when its list is written <see cref="AsMapAttribute">as a map</see>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MapKeyAttribute : Attribute;

/// <summary>The value is a script expression, compiled and checked at load.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ScriptAttribute : Attribute;

public enum RefKind { Department, Window, Role, Material, Step, Template, Item, FormField }

/// <summary>The value (or every value of a list) names another definition, checked at load.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RefAttribute(RefKind kind) : Attribute
{
    public RefKind Kind { get; } = kind;
}

/// <summary>How an id is spelled: kebab-case for files, camelCase for form fields read by scripts.</summary>
public enum IdStyle { Kebab, Camel }

[AttributeUsage(AttributeTargets.Property)]
public sealed class IdAttribute(IdStyle style = IdStyle.Kebab) : Attribute
{
    public IdStyle Style { get; } = style;
}

/// <summary>Compared and printed as one value by the diff (its ToString), e.g. an assignee <c>education/reviewer</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AtomicAttribute : Attribute;

/// <summary>The diff prints the values without the field label because they speak for themselves (必要 → 容缺).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SelfDescribingAttribute : Attribute;
