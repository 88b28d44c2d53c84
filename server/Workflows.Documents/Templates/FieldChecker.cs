using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workflows.Documents.Templates;

/// <summary>A template's reference to a field its sample data cannot have, at its line and column.</summary>
public sealed record FieldProblem(string Path, int Line, int Column);

/// <summary>
/// Checks every field a template reads against its sample data, following the contexts of
/// <c>{{#each}}</c> and <c>{{#with}}</c> and <c>../</c>. A field present with the value null counts as
/// present (the data model puts every documented field in, null where there is no value).
/// </summary>
public static partial class FieldChecker
{
    public static List<FieldProblem> Check(string template, JsonObject sample)
    {
        var problems = new List<FieldProblem>();
        var contexts = new List<JsonNode?> { sample };
        var blocks = new Stack<bool>();   // true when the block pushed a context
        foreach (Match m in Mustache().Matches(template))
        {
            var body = m.Groups[1].Value.Trim().Trim('~').Trim();
            if (body.StartsWith('!') || body.Length == 0) continue;
            var (line, column) = Locator.Position(template, m.Index);
            if (body.StartsWith('/'))
            {
                if (blocks.Count > 0 && blocks.Pop() && contexts.Count > 1) contexts.RemoveAt(contexts.Count - 1);
                continue;
            }
            var block = body.StartsWith('#') || body.StartsWith('^');
            var tokens = Tokens(block ? body[1..] : body);
            if (tokens.Count == 0 || tokens[0] == "else") continue;
            var name = tokens[0];
            var arguments = TemplateRenderer.Helpers.Contains(name) || name is "if" or "unless" or "each" or "with" ? tokens.Skip(1) : tokens;
            JsonNode? lastValue = null;
            var lastKnown = false;
            foreach (var token in arguments)
            {
                var (known, value) = Resolve(contexts, token);
                if (!known) problems.Add(new FieldProblem(token, line, column));
                (lastKnown, lastValue) = (known, value);
            }
            if (!block) continue;
            if (name is "each" or "with")
            {
                var next = !lastKnown ? null : name == "each" ? (lastValue as JsonArray)?.FirstOrDefault(n => n is not null) : lastValue;
                contexts.Add(next);
                blocks.Push(true);
            }
            else blocks.Push(false);
        }
        return problems;
    }

    /// <summary>(known, value): known is false only when the data certainly lacks the field.</summary>
    private static (bool, JsonNode?) Resolve(List<JsonNode?> contexts, string token)
    {
        if (token.StartsWith('"') || token.StartsWith('\'') || token.StartsWith('@') || token.Contains('=')
            || double.TryParse(token, out _) || token is "true" or "false" or "null" or "this" or ".")
            return (true, token == "this" ? contexts[^1] : null);
        var level = contexts.Count - 1;
        while (token.StartsWith("../", StringComparison.Ordinal)) { token = token[3..]; level = Math.Max(0, level - 1); }
        if (token.StartsWith("this.", StringComparison.Ordinal)) token = token[5..];
        var node = contexts[level];
        if (node is null && level < contexts.Count) return (true, null);   // inside an empty or unknown list: cannot tell
        foreach (var segment in token.Split('.'))
        {
            if (node is null) return (true, null);                           // null in the sample: present, no value
            if (node is not JsonObject o || !o.TryGetPropertyValue(segment, out var child)) return (false, null);
            node = child;
        }
        return (true, node);
    }

    private static List<string> Tokens(string body)
    {
        var tokens = new List<string>();
        foreach (Match t in Token().Matches(body)) tokens.Add(t.Value);
        return tokens;
    }

    [GeneratedRegex(@"\{\{\{?(.*?)\}?\}\}", RegexOptions.Singleline)]
    private static partial Regex Mustache();

    [GeneratedRegex(@"""[^""]*""|'[^']*'|[^\s()]+")]
    private static partial Regex Token();
}
