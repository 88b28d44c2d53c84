using System.Collections;
using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Validation;

/// <summary>One scalar value met while walking a model: which object and member hold it, and where.</summary>
/// <param name="Container">The object, list or dictionary whose source position locates the value.</param>
/// <param name="Member">The member name in <paramref name="Container"/> (a property name, list index or dictionary key).</param>
public sealed record WalkedValue(object Owner, MemberShape Shape, object Container, string Member, object Value);

/// <summary>Visits every scalar value of a model with the member that holds it, so attribute-driven checks (ids, references, scripts) are written once.</summary>
public static class ModelWalker
{
    public static IEnumerable<WalkedValue> Values(object root)
    {
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is IList rootList)
            {
                foreach (var item in rootList) if (item is not null && !TypeShape.IsScalarType(item.GetType())) pending.Push(item);
                continue;
            }
            foreach (var shape in TypeShape.Of(current.GetType()).Members)
            {
                var value = shape.Property.GetValue(current);
                switch (value)
                {
                    case null:
                        break;
                    case IDictionary dict:
                        foreach (DictionaryEntry entry in dict)
                        {
                            if (entry.Value is null) continue;
                            if (TypeShape.IsScalarType(entry.Value.GetType())) yield return new(current, shape, dict, (string)entry.Key, entry.Value);
                            else pending.Push(entry.Value);
                        }
                        break;
                    case IList list:
                        for (var i = 0; i < list.Count; i++)
                        {
                            var item = list[i];
                            if (item is null) continue;
                            if (TypeShape.IsScalarType(item.GetType())) yield return new(current, shape, list, SourceMap.Index(i), item);
                            else pending.Push(item);
                        }
                        break;
                    default:
                        if (TypeShape.IsScalarType(value.GetType())) yield return new(current, shape, current, shape.Property.Name, value);
                        else pending.Push(value);
                        break;
                }
            }
        }
    }

    /// <summary>Every model object (not lists or scalars) in the tree, the root included.</summary>
    public static IEnumerable<object> Objects(object root)
    {
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is IEnumerable items and not string)
            {
                foreach (var item in items is IDictionary d ? d.Values : items)
                    if (item is not null && !TypeShape.IsScalarType(item.GetType())) pending.Push(item);
                continue;
            }
            yield return current;
            foreach (var shape in TypeShape.Of(current.GetType()).Members)
            {
                var value = shape.Property.GetValue(current);
                if (value is not null && !TypeShape.IsScalarType(value.GetType())) pending.Push(value);
            }
        }
    }
}
