namespace Workflows.Definitions.Yaml;

/// <summary>
/// A YAML document as a plain tree that remembers where each node started. We keep our own tree
/// (rather than YamlDotNet's representation model) so that reading, canonical writing and
/// diagnostics share one small, ordered shape.
/// </summary>
public abstract record YamlNode(int Line, int Column);

/// <summary>
/// How a scalar was (or is to be) written. When writing, <see cref="Plain"/> means "a typed value
/// written verbatim" (numbers, dates, booleans, codes) and <see cref="Quoted"/> means "a string:
/// plain if that reads back the same, quoted otherwise".
/// </summary>
public enum ScalarStyle { Plain, Quoted, Literal }

public sealed record YamlScalar(string Value, ScalarStyle Style, int Line, int Column) : YamlNode(Line, Column)
{
    /// <summary>An unquoted empty or <c>~</c>/<c>null</c> scalar: YAML's way of saying "nothing".</summary>
    public bool IsNull => Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed record YamlMapping(IReadOnlyList<YamlEntry> Entries, int Line, int Column) : YamlNode(Line, Column)
{
    public YamlNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key)?.Value;
}

public sealed record YamlSequence(IReadOnlyList<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);
