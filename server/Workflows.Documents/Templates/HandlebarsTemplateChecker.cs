using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Workflows.Definitions.Validation;

namespace Workflows.Documents.Templates;

/// <summary>
/// Compiles each template with Handlebars.Net so a broken template is a located load error, not
/// a failure at the window. Handlebars.Net reports a position only for parser errors; for
/// unbalanced blocks we find the offending tag ourselves.
/// </summary>
public sealed partial class HandlebarsTemplateChecker : ITemplateChecker
{
    public IEnumerable<TemplateProblem> Check(string path, string text)
    {
        try
        {
            Handlebars.Create().Compile(text);
            return [];
        }
        catch (HandlebarsException e)
        {
            var (line, column) = Locate(e.Message, text);
            return [new TemplateProblem($"模板无法编译: {FirstLine(e.Message)} (template does not compile)", line, column)];
        }
    }

    private static (int Line, int Column) Locate(string message, string text)
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

    private static (int, int) Position(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
        return (line, column);
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    [GeneratedRegex(@"Occured at: ?(\d+):(\d+)")]
    private static partial Regex OccurredAt();

    [GeneratedRegex(@"\{\{~?\s*([#/])\s*([\w.-]+)")]
    private static partial Regex BlockTag();
}
