using System.Collections;
using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Yaml;

namespace Workflows.Definitions.Mapping;

/// <summary>
/// Maps a <see cref="YamlNode"/> tree onto model classes by their <see cref="TypeShape"/>, recording
/// every object's position in a <see cref="SourceMap"/>. It never throws on bad input: each defect
/// becomes a located diagnostic and the rest of the file is still read, so one run reports all.
/// </summary>
public sealed class ModelReader(string file, SourceMap map, DiagnosticBag diagnostics)
{
    public T? Read<T>(YamlNode? node) where T : class => ReadRoot(typeof(T), node) as T;

    public object? ReadRoot(Type type, YamlNode? node)
    {
        if (node is null)
        {
            diagnostics.Error(DiagnosticCodes.EmptyFile, SourceLocation.StartOf(file), "文件为空 (the file is empty)");
            return null;
        }
        return Read(type, node);
    }

    private SourceLocation At(YamlNode node) => new(file, node.Line, node.Column);

    private object? Read(Type type, YamlNode node)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (node is YamlScalar { IsNull: true } && (Nullable.GetUnderlyingType(type) is not null || !underlying.IsValueType))
            return null;
        if (ScalarCodec.Handles(underlying)) return ReadScalar(underlying, node);
        if (TypeShape.ListElement(underlying) is { } element) return ReadList(underlying, element, node);
        if (TypeShape.MapValue(underlying) is { } mapValue) return ReadDictionary(underlying, mapValue, node);
        return ReadObject(underlying, node);
    }

    private object? ReadScalar(Type type, YamlNode node)
    {
        if (node is not YamlScalar scalar)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, At(node), $"应为单个值，而不是{ShapeName(node)} (expected a single value)");
            return null;
        }
        if (ScalarCodec.TryRead(type, scalar.Value, out var value, out var error)) return value;
        diagnostics.Error(DiagnosticCodes.InvalidValue, At(node), error);
        return null;
    }

    private IList ReadList(Type listType, Type element, YamlNode node)
    {
        var list = (IList)Activator.CreateInstance(listType)!;
        map.Record(list, At(node));
        if (node is YamlScalar { IsNull: true }) return list;
        if (node is not YamlSequence seq)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, At(node), $"应为列表（以 - 开头的各行），而不是{ShapeName(node)} (expected a list)");
            return list;
        }
        for (var i = 0; i < seq.Items.Count; i++)
        {
            if (seq.Items[i] is YamlScalar { IsNull: true })
            {
                diagnostics.Error(DiagnosticCodes.InvalidValue, At(seq.Items[i]), "列表中有空项 (an empty list item)");
                continue;
            }
            var item = Read(element, seq.Items[i]);
            if (item is null) continue;
            map.RecordMember(list, SourceMap.Index(list.Count), At(seq.Items[i]));
            list.Add(item);
        }
        return list;
    }

    /// <summary>A list written as a map: each key becomes the element's <see cref="MapKeyAttribute"/> property.</summary>
    private IList ReadKeyedList(Type listType, Type element, YamlNode node)
    {
        var list = (IList)Activator.CreateInstance(listType)!;
        map.Record(list, At(node));
        if (node is YamlScalar { IsNull: true }) return list;
        if (node is not YamlMapping mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, At(node), $"应为以键区分的映射，而不是{ShapeName(node)} (expected a mapping keyed by id)");
            return list;
        }
        var keyMember = TypeShape.Of(element).MapKey!;
        foreach (var entry in mapping.Entries)
        {
            if (ReadObject(element, entry.Value) is not { } item) continue;
            keyMember.Property.SetValue(item, entry.Key.Value);
            map.RecordMember(item, keyMember.Property.Name, At(entry.Key));
            map.RecordMember(list, entry.Key.Value, At(entry.Key));
            list.Add(item);
        }
        return list;
    }

    private object ReadDictionary(Type dictType, Type valueType, YamlNode node)
    {
        var dict = (IDictionary)Activator.CreateInstance(dictType)!;
        map.Record(dict, At(node));
        if (node is YamlScalar { IsNull: true }) return dict;
        if (node is not YamlMapping mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, At(node), $"应为映射（键: 值），而不是{ShapeName(node)} (expected a mapping)");
            return dict;
        }
        foreach (var entry in mapping.Entries)
        {
            var value = Read(valueType, entry.Value);
            if (value is null) continue;
            dict[entry.Key.Value] = value;
            map.RecordMember(dict, entry.Key.Value, At(entry.Value));
        }
        return dict;
    }

    private object? ReadObject(Type type, YamlNode node)
    {
        var shape = TypeShape.Of(type);
        if (node is not YamlMapping mapping)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, At(node), $"{shape.Label}应为映射（键: 值），而不是{ShapeName(node)} (expected a mapping)");
            return null;
        }
        var target = Activator.CreateInstance(type)!;
        map.Record(target, At(node));
        foreach (var entry in mapping.Entries)
        {
            var member = shape.Find(entry.Key.Value);
            if (member is null || member == shape.MapKey)
            {
                diagnostics.Error(DiagnosticCodes.UnknownKey, At(entry.Key),
                    $"{shape.Label}不认识键 '{entry.Key.Value}'{Naming.DidYouMean(entry.Key.Value, shape.BodyMembers.Select(m => m.Key))} (unknown key)");
                continue;
            }
            var value = member.AsMap && TypeShape.ListElement(member.Type) is { } element
                ? ReadKeyedList(member.Type, element, entry.Value)
                : Read(member.Type, entry.Value);
            map.RecordMember(target, member.Property.Name, At(entry.Value));
            if (value is not null) member.Property.SetValue(target, value);
            else if (member.Required && entry.Value is YamlScalar { IsNull: true })
                diagnostics.Error(DiagnosticCodes.MissingKey, At(entry.Key), $"{shape.Label}的必填项 '{member.Key}'（{member.Label}）不能为空 (a required value is empty)");
        }
        foreach (var member in shape.RequiredMembers)
        {
            if (mapping[member.Key] is null)
                diagnostics.Error(DiagnosticCodes.MissingKey, At(node), $"{shape.Label}缺少必填项 '{member.Key}'（{member.Label}） (missing required key)");
        }
        return target;
    }

    private static string ShapeName(YamlNode node) => node switch
    {
        YamlMapping => "映射",
        YamlSequence => "列表",
        _ => "单个值",
    };
}
