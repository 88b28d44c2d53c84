using Workflows.Definitions.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using DotNetScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Workflows.Definitions.Yaml;

/// <summary>Parses YAML text into a <see cref="YamlNode"/> tree, reporting syntax problems as located diagnostics.</summary>
public static class YamlReader
{
    /// <summary>Returns the single document's root, or null when the text is empty or unreadable (a diagnostic says why).</summary>
    public static YamlNode? Read(string text, string file, DiagnosticBag diagnostics)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) return null;
            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, diagnostics);
            parser.Consume<DocumentEnd>();
            if (!parser.Accept<StreamEnd>(out _))
            {
                var at = parser.Current?.Start;
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new(file, (int)(at?.Line ?? 1), (int)(at?.Column ?? 1)),
                    "一个文件只能包含一个 YAML 文档 (only one YAML document per file)");
            }
            return root;
        }
        catch (YamlException e)
        {
            // YamlDotNet places tab errors at the previous token (or 1:1); editors show the tab itself.
            if (TabInIndentation(text, (int)e.Start.Line) is { } tab)
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new(file, tab.Line, tab.Column), "YAML 缩进不能使用制表符（Tab），请改用空格 (tabs are not allowed in indentation)");
            else
                diagnostics.Error(DiagnosticCodes.YamlSyntax, new(file, (int)e.Start.Line, (int)e.Start.Column), $"YAML 语法错误: {CleanMessage(e.Message)}");
            return null;
        }
    }

    private static YamlNode ReadNode(IParser parser, string file, DiagnosticBag diagnostics)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            RejectAnchor(scalar, file, diagnostics);
            return new YamlScalar(scalar.Value, StyleOf(scalar), (int)scalar.Start.Line, (int)scalar.Start.Column);
        }
        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            RejectAnchor(seqStart, file, diagnostics);
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _)) items.Add(ReadNode(parser, file, diagnostics));
            return new YamlSequence(items, (int)seqStart.Start.Line, (int)seqStart.Start.Column);
        }
        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            RejectAnchor(mapStart, file, diagnostics);
            var entries = new List<YamlEntry>();
            var keys = new HashSet<string>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var keyNode = ReadNode(parser, file, diagnostics);
                var value = ReadNode(parser, file, diagnostics);
                if (keyNode is not YamlScalar key)
                {
                    diagnostics.Error(DiagnosticCodes.WrongShape, new(file, keyNode.Line, keyNode.Column), "键必须是简单文本 (a key must be a plain scalar)");
                    continue;
                }
                if (!keys.Add(key.Value))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateKey, new(file, key.Line, key.Column), $"键 '{key.Value}' 重复出现 (duplicate key)");
                    continue;
                }
                entries.Add(new YamlEntry(key, value));
            }
            return new YamlMapping(entries, (int)mapStart.Start.Line, (int)mapStart.Start.Column);
        }
        var current = parser.Current!;
        parser.MoveNext();
        diagnostics.Error(DiagnosticCodes.YamlSyntax, new(file, (int)current.Start.Line, (int)current.Start.Column),
            "不支持 YAML 别名 (aliases are not supported: write the value out)");
        return new YamlScalar("", ScalarStyle.Plain, (int)current.Start.Line, (int)current.Start.Column);
    }

    /// <summary>The first tab in a line's leading whitespace at or after <paramref name="fromLine"/>.</summary>
    private static (int Line, int Column)? TabInIndentation(string text, int fromLine)
    {
        var lines = text.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0) return (i + 1, tab + 1);
        }
        return null;
    }

    // Anchors and aliases make a reviewer chase values across the file; definitions spell values out.
    private static void RejectAnchor(NodeEvent node, string file, DiagnosticBag diagnostics)
    {
        if (!node.Anchor.IsEmpty)
            diagnostics.Error(DiagnosticCodes.YamlSyntax, new(file, (int)node.Start.Line, (int)node.Start.Column),
                "不支持 YAML 锚点 (anchors are not supported: write the value out)");
    }

    private static ScalarStyle StyleOf(Scalar scalar) => scalar.Style switch
    {
        DotNetScalarStyle.Plain or DotNetScalarStyle.Any => ScalarStyle.Plain,
        DotNetScalarStyle.Literal or DotNetScalarStyle.Folded => ScalarStyle.Literal,
        _ => ScalarStyle.Quoted,
    };

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ...) - (...): "; the location is ours to print.
    private static string CleanMessage(string message)
    {
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
