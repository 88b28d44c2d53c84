using System.Collections;
using Workflows.Definitions.Yaml;

namespace Workflows.Definitions.Mapping;

/// <summary>
/// Turns model objects into the canonical <see cref="YamlNode"/> tree: keys in declaration order,
/// nulls and empty lists left out, strings marked for safe quoting by <see cref="YamlWriter"/>.
/// </summary>
public static class ModelWriter
{
    public static YamlNode ToTree(object model) => Node(model) ?? new YamlMapping([], 0, 0);

    private static YamlNode? Node(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case string s:
                return new YamlScalar(s, s.Contains('\n') ? ScalarStyle.Literal : ScalarStyle.Quoted, 0, 0);
            case var _ when ScalarCodec.Handles(value.GetType()):
                return new YamlScalar(ScalarCodec.Write(value), ScalarStyle.Plain, 0, 0);
            case IDictionary dict:
                return new YamlMapping(dict.Keys.Cast<string>()
                    .Select(k => (k, v: Node(dict[k])))
                    .Where(x => x.v is not null)
                    .Select(x => new YamlEntry(Key(x.k), x.v!)).ToList(), 0, 0);
            case IList list:
                return new YamlSequence(list.Cast<object>().Select(Node).OfType<YamlNode>().ToList(), 0, 0);
            default:
                return ObjectNode(value);
        }
    }

    private static YamlMapping ObjectNode(object value)
    {
        var entries = new List<YamlEntry>();
        foreach (var member in TypeShape.Of(value.GetType()).BodyMembers)
        {
            var memberValue = member.Property.GetValue(value);
            if (memberValue is null || memberValue is ICollection { Count: 0 }) continue;
            var node = member.AsMap && memberValue is IList keyed ? KeyedNode(keyed) : Node(memberValue);
            if (node is not null) entries.Add(new YamlEntry(Key(member.Key), node));
        }
        return new YamlMapping(entries, 0, 0);
    }

    private static YamlMapping KeyedNode(IList list)
    {
        var entries = new List<YamlEntry>();
        foreach (var item in list)
        {
            var key = (string?)TypeShape.Of(item.GetType()).MapKey!.Property.GetValue(item) ?? "";
            entries.Add(new YamlEntry(Key(key), ObjectNode(item)));
        }
        return new YamlMapping(entries, 0, 0);
    }

    private static YamlScalar Key(string key) => new(key, ScalarStyle.Quoted, 0, 0);
}
