using System.Collections;
using System.Reflection;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Diff;

/// <summary>
/// Compares two models of one file and says what changed in domain words:
/// <c>承诺时限: 10 → 8 工作日</c>, <c>材料 营业执照: 必要 → 容缺</c>,
/// <c>步骤 review: 办理人 education/reviewer → education/head</c>.
/// Lists of things with an identity (materials, steps, fields) are matched by it, so a reorder
/// or an insertion does not read as a change of everything after it.
/// </summary>
public static class ModelDiff
{
    private const string Nothing = "（无）";

    public static List<string> Compare(object? before, object? after)
    {
        var changes = new List<string>();
        CompareValues(before, after, "", "", changes);
        return changes;
    }

    private static void CompareValues(object? before, object? after, string prefix, string label, List<string> changes)
    {
        if (before is null && after is null) return;
        var type = (before ?? after)!.GetType();
        if (TypeShape.IsScalarType(type) || type.IsDefined(typeof(AtomicAttribute)))
        {
            if (!Equals(before, after) && Text(before) != Text(after)) changes.Add(Line(prefix, label, ScalarChange(before, after)));
            return;
        }
        if (before is IDictionary || after is IDictionary)
        {
            CompareDictionaries(before as IDictionary, after as IDictionary, prefix, label, changes);
            return;
        }
        if (before is IList || after is IList)
        {
            CompareLists((IList?)before ?? Array.Empty<object>(), (IList?)after ?? Array.Empty<object>(), prefix, label, changes);
            return;
        }
        if (before is null || after is null)
        {
            var shape = TypeShape.Of(type);
            changes.Add(Line(prefix, "", $"{(before is null ? "新增" : "删除")}{(label.Length > 0 ? label : shape.Label)}"));
            return;
        }
        foreach (var member in TypeShape.Of(type).Members)
        {
            var memberLabel = member.Property.IsDefined(typeof(SelfDescribingAttribute)) ? "" : member.Label;
            CompareValues(member.Property.GetValue(before), member.Property.GetValue(after), prefix, memberLabel, changes);
        }
    }

    private static void CompareLists(IList before, IList after, string prefix, string label, List<string> changes)
    {
        var elementType = before.Cast<object>().Concat(after.Cast<object>()).FirstOrDefault()?.GetType();
        if (elementType is null) return;
        if (TypeShape.IsScalarType(elementType) || elementType.IsDefined(typeof(AtomicAttribute)))
        {
            var oldTexts = before.Cast<object>().Select(Text).ToList();
            var newTexts = after.Cast<object>().Select(Text).ToList();
            var added = newTexts.Except(oldTexts).ToList();
            var removed = oldTexts.Except(newTexts).ToList();
            var parts = new List<string>();
            if (added.Count > 0) parts.Add("新增 " + string.Join("、", added));
            if (removed.Count > 0) parts.Add("删除 " + string.Join("、", removed));
            if (parts.Count == 0 && !oldTexts.SequenceEqual(newTexts)) parts.Add("顺序调整");
            if (parts.Count > 0) changes.Add(Line(prefix, label, string.Join("；", parts)));
            return;
        }

        var key = IdentityOf(elementType);
        var typeLabel = TypeShape.Of(elementType).Label;
        var oldByKey = Keyed(before, key);
        var newByKey = Keyed(after, key);
        if (oldByKey is null || newByKey is null)
        {
            // No usable identity: compare position by position.
            for (var i = 0; i < Math.Max(before.Count, after.Count); i++)
                CompareValues(i < before.Count ? before[i] : null, i < after.Count ? after[i] : null, $"{prefix}{typeLabel} {i + 1}: ", "", changes);
            return;
        }
        foreach (var (k, item) in newByKey.Where(p => !oldByKey.ContainsKey(p.Key)))
            changes.Add($"{prefix}新增{typeLabel} {Display(item, k)}");
        foreach (var (k, item) in oldByKey.Where(p => !newByKey.ContainsKey(p.Key)))
            changes.Add($"{prefix}删除{typeLabel} {Display(item, k)}");
        foreach (var (k, item) in newByKey.Where(p => oldByKey.ContainsKey(p.Key)))
            CompareValues(oldByKey[k], item, $"{prefix}{typeLabel} {Display(item, k)}: ", "", changes);
        var oldOrder = oldByKey.Keys.Where(newByKey.ContainsKey).ToList();
        var newOrder = newByKey.Keys.Where(oldByKey.ContainsKey).ToList();
        if (!oldOrder.SequenceEqual(newOrder)) changes.Add(Line(prefix, label.Length > 0 ? label : typeLabel, "顺序调整"));
    }

    private static void CompareDictionaries(IDictionary? before, IDictionary? after, string prefix, string label, List<string> changes)
    {
        var oldKeys = before?.Keys.Cast<string>().ToList() ?? [];
        var newKeys = after?.Keys.Cast<string>().ToList() ?? [];
        foreach (var k in newKeys.Union(oldKeys))
        {
            var entryLabel = $"{label} {Outcomes.Label(k)}".Trim();
            CompareValues(before is not null && before.Contains(k) ? before[k] : null, after is not null && after.Contains(k) ? after[k] : null, prefix, entryLabel, changes);
        }
    }

    /// <summary>The member that identifies an element: the map key, an id, an option value, a year, a name or title.</summary>
    private static PropertyInfo? IdentityOf(Type type)
    {
        var shape = TypeShape.Of(type);
        if (shape.MapKey is { } mapKey) return mapKey.Property;
        foreach (var name in new[] { "Id", "Value", "Year", "Date", "Name", "Title", "Question" })
            if (shape.Members.FirstOrDefault(m => m.Property.Name == name) is { } member) return member.Property;
        return null;
    }

    private static Dictionary<string, object>? Keyed(IList list, PropertyInfo? key)
    {
        if (key is null) return null;
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var item in list)
            if (!result.TryAdd(Text(key.GetValue(item)), item)) return null;
        return result;
    }

    // Materials read best by their Chinese name; steps by their id (the name is optional).
    private static string Display(object item, string key) =>
        TypeShape.Of(item.GetType()).MapKey is null && item.GetType().GetProperty("Name")?.GetValue(item) is string { Length: > 0 } name && name != key
            ? name : key;

    private static string ScalarChange(object? before, object? after)
    {
        if (before is Duration a && after is Duration b && a.Unit == b.Unit)
            return $"{a.Value} → {b.Value} {ScalarCodec.Describe(a.Unit)}";
        return $"{Text(before)} → {Text(after)}";
    }

    private static string Text(object? value) => value switch
    {
        null => Nothing,
        string { Length: 0 } => Nothing,
        Duration d => d.ToString(),
        _ when TypeShape.IsScalarType(value.GetType()) => ScalarCodec.Describe(value),
        _ => value.ToString() ?? Nothing,
    };

    private static string Line(string prefix, string label, string change) =>
        label.Length == 0 ? $"{prefix}{change}" : prefix.Length == 0 ? $"{label}: {change}" : $"{prefix}{label} {change}";
}
