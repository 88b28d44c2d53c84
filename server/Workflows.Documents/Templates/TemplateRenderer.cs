using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;
using Workflows.Documents.Rendering;

namespace Workflows.Documents.Templates;

/// <summary>
/// Renders a Scriban template with JSON data into its layout markup, in a
/// <see cref="MarkupTemplateContext"/> (escaped output, limits that throw, plain data only).
/// Parsed templates are cached by their text. In strict mode (previews, checks, and the server,
/// which puts every documented field in the data, null where absent) an unknown name is an error,
/// not an empty string. Errors are <see cref="DocumentException"/>s with the line and column in
/// the template and no file (the caller knows it).
/// </summary>
public sealed class TemplateRenderer(bool strict = true, TemplateLimits? limits = null)
{
    private static readonly ScriptObject Builtins = TemplateFunctions.Builtins();
    private static readonly ConcurrentDictionary<string, Template> Parsed = new(StringComparer.Ordinal);
    private readonly TemplateLimits _limits = limits ?? TemplateLimits.Default;

    /// <summary>The function and module names, for the template checker (they are not data fields).</summary>
    public static readonly IReadOnlySet<string> Helpers = new HashSet<string>(TemplateFunctions.Names.Concat(TemplateFunctions.Modules), StringComparer.Ordinal);

    public string Render(string templateText, JsonObject data)
    {
        var template = Parse(templateText);
        var context = new MarkupTemplateContext(Builtins, _limits, strict);
        context.PushGlobal(PlainData.From(data));
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e)
        {
            throw RuntimeError(templateText, e);
        }
    }

    /// <summary>Parses (or takes from the cache).</summary>
    /// <exception cref="DocumentException">WF5001 at the first parse error.</exception>
    public static Template Parse(string templateText)
    {
        if (Parsed.TryGetValue(templateText, out var hit)) return hit;
        var template = Template.Parse(templateText);
        if (template.HasErrors) throw SyntaxError(templateText, template.Messages);
        if (Parsed.Count > 256) Parsed.Clear();
        Parsed[templateText] = template;
        return template;
    }

    /// <summary>The first parse error, located where a reader looks for it (an unclosed block: at its opening keyword).</summary>
    public static DocumentException SyntaxError(string text, IEnumerable<LogMessage> messages)
    {
        var first = messages.First(m => m.Type == ParserMessageType.Error);
        var (line, column) = (first.Span.Start.Line + 1, first.Span.Start.Column + 1);
        if (first.Message.Contains("<end> statement was not found", StringComparison.Ordinal) && Locator.UnclosedBlock(text) is var (l, c, keyword))
            return new DocumentException(DocumentException.TemplateSyntax, $"{keyword} 块缺少对应的 {{{{ end }}}} (the {keyword} block is never closed)", null, l, c);
        var hint = first.Message.Contains("case statement", StringComparison.Ordinal) ? "（case 是 Scriban 关键字：办件字段请写 this.case.number）" : "";
        return new DocumentException(DocumentException.TemplateSyntax, $"模板无法解析{hint}: {first.Message} (template does not parse)", null, line, column);
    }

    private static DocumentException RuntimeError(string text, ScriptRuntimeException e)
    {
        var (line, column) = (e.Span.Start.Line + 1, e.Span.Start.Column + 1);
        var message = e.OriginalMessage;
        if (IsLimit(message))
            return new DocumentException(DocumentException.TemplateLimit, $"模板超出限制: {message} (template limit reached)", null, line, column);
        if (message.Contains("was not found", StringComparison.Ordinal) || message.StartsWith("Cannot get member with name", StringComparison.Ordinal))
            return new DocumentException(DocumentException.TemplateRender, $"数据中没有字段 {Locator.PathAt(text, e.Span)} (unknown field)", null, line, column);
        return new DocumentException(DocumentException.TemplateRender, $"模板渲染失败: {message} (template failed)", null, line, column);
    }

    /// <summary>Scriban's messages for LoopLimit, RecursiveLimit, LimitToString and OutputLimit (it has no exception type for them).</summary>
    private static bool IsLimit(string message) =>
        message.Contains("LoopLimit", StringComparison.Ordinal) || message.Contains("iteration limit", StringComparison.Ordinal)
        || message.Contains("recursive", StringComparison.OrdinalIgnoreCase) || message.Contains("LimitToString", StringComparison.Ordinal)
        || message.Contains("OutputLimit", StringComparison.Ordinal) || message.Contains("output limit", StringComparison.OrdinalIgnoreCase)
        || message.Contains("string limit", StringComparison.OrdinalIgnoreCase);
}
