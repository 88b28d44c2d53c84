using Scriban.Parsing;
using Workflows.Documents.Markup;

namespace Workflows.Documents.Templates;

/// <summary>Finds where in a template a problem comes from: unclosed blocks, field references, markup elements.</summary>
public static class Locator
{
    private static readonly HashSet<string> BlockKeywords = new(StringComparer.Ordinal) { "if", "for", "while", "with", "capture", "case", "tablerow", "wrap", "func" };

    /// <summary>
    /// The opening keyword of the innermost block never closed by <c>end</c>, from Scriban's lexer
    /// (Scriban itself reports an unclosed block at the end of the file). A keyword opens a block
    /// only at the start of a statement: <c>else if</c> continues one.
    /// </summary>
    public static (int Line, int Column, string Keyword)? UnclosedBlock(string text)
    {
        var open = new Stack<(TextPosition At, string Keyword)>();
        var statementStart = false;
        foreach (var token in new Lexer(text))
        {
            if (token.Type is TokenType.CodeEnter or TokenType.NewLine or TokenType.SemiColon) { statementStart = true; continue; }
            if (token.Type == TokenType.Identifier && statementStart)
            {
                var word = text.Substring(token.Start.Offset, token.End.Offset - token.Start.Offset + 1);
                if (BlockKeywords.Contains(word)) open.Push((token.Start, word));
                else if (word == "end" && open.Count > 0) open.Pop();
            }
            statementStart = false;
        }
        return open.TryPeek(out var last) ? (last.At.Line + 1, last.At.Column + 1, last.Keyword) : null;
    }

    /// <summary>The dotted name ending at <paramref name="span"/> (<c>applicant.nmae</c> for the member <c>nmae</c>).</summary>
    public static string PathAt(string text, SourceSpan span)
    {
        var end = Math.Min(text.Length, span.End.Offset + 1);
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')) end++;
        var start = Math.Clamp(span.Start.Offset, 0, end);
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '.')) start--;
        return text[start..end];
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
}
