using System.Text.RegularExpressions;
using Workflows.Documents.Markup;

namespace Workflows.Documents.Templates;

/// <summary>Finds where in a template a problem comes from: Handlebars positions, field references, markup elements.</summary>
public static partial class Locator
{
    public static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>A Handlebars compile error's position: from its message, else the unbalanced block.</summary>
    public static (int Line, int Column) Compile(string message, string text)
    {
        var at = OccurredAt().Match(message);
        if (at.Success) return (int.Parse(at.Groups[1].Value), int.Parse(at.Groups[2].Value));
        return UnbalancedBlock(text) ?? (1, 1);
    }

    /// <summary>The first closing tag without its opener, else the innermost block never closed.</summary>
    private static (int, int)? UnbalancedBlock(string text)
    {
        var open = new Stack<(string Name, int Index)>();
        foreach (Match tag in BlockTag().Matches(text))
        {
            var name = tag.Groups[2].Value;
            if (tag.Groups[1].Value == "#") open.Push((name, tag.Index));
            else if (open.Count == 0 || open.Peek().Name != name) return Position(text, tag.Index);
            else open.Pop();
        }
        return open.Count > 0 ? Position(text, open.Peek().Index) : null;
    }

    /// <summary>The first mustache that mentions <paramref name="path"/>.</summary>
    public static (int, int)? Find(string text, string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        foreach (Match m in Mustache().Matches(text))
        {
            var inner = m.Value.IndexOf(path, StringComparison.Ordinal);
            if (inner >= 0) return Position(text, m.Index + inner);
        }
        return null;
    }

    /// <summary>
    /// The template's tag for a markup element: the n-th <c>&lt;name</c> of the template where n
    /// counts that element up to the error in the markup (loops may repeat a tag: then the last one).
    /// </summary>
    public static (int, int)? Element(string template, string markup, MarkupException error)
    {
        if (error.Element is null) return null;
        var parts = error.Element.Split('@');
        var tag = "<" + parts[0];
        var errorOffset = Offset(markup, error.Line, error.Column);
        var ordinal = 0;
        for (var i = markup.IndexOf(tag, StringComparison.Ordinal); i >= 0 && i < errorOffset; i = markup.IndexOf(tag, i + 1, StringComparison.Ordinal))
            if (IsTagEnd(markup, i + tag.Length)) ordinal++;
        var found = new List<int>();
        for (var i = template.IndexOf(tag, StringComparison.Ordinal); i >= 0; i = template.IndexOf(tag, i + 1, StringComparison.Ordinal))
            if (IsTagEnd(template, i + tag.Length)) found.Add(i);
        if (found.Count == 0) return null;
        var index = found[Math.Clamp(ordinal - 1, 0, found.Count - 1)];
        if (parts.Length > 1)
        {
            var close = template.IndexOf('>', index);
            var attribute = template.IndexOf(parts[1] + "=", index, StringComparison.Ordinal);
            if (attribute >= 0 && (close < 0 || attribute < close)) index = attribute;
        }
        return Position(template, index);
    }

    private static bool IsTagEnd(string text, int at) => at >= text.Length || text[at] is ' ' or '>' or '/' or '\n' or '\r' or '\t';

    private static int Offset(string text, int line, int column)
    {
        var offset = 0;
        for (var l = 1; l < line && offset >= 0; l++) offset = text.IndexOf('\n', offset) + 1;
        return Math.Max(0, offset) + Math.Max(0, column - 1);
    }

    public static (int, int) Position(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        if (index == 0) column = 1;
        return (line, column);
    }

    /// <summary>The field named by Handlebars.Net's strict-mode error, if that is what it is.</summary>
    public static string? UnresolvedPath(string message)
    {
        var m = Unresolved().Match(message);
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"['""]([\w.@/-]+)['""]")]
    private static partial Regex Unresolved();

    [GeneratedRegex(@"Occured at: ?(\d+):(\d+)")]
    private static partial Regex OccurredAt();

    [GeneratedRegex(@"\{\{~?\s*([#/])\s*([\w.-]+)")]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Mustache();
}
