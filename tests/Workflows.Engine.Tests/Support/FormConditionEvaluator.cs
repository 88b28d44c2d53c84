using System.Globalization;
using System.Text.Json.Nodes;
using Workflows.Engine.Ports;
using Workflows.Engine.State;

namespace Workflows.Engine.Tests.Support;

/// <summary>
/// A small but real condition language over the case, standing in for the Jint sandbox: paths
/// <c>form.x</c> and <c>applicant.type</c>, literals (numbers, 'strings', true/false), the
/// comparisons == != &gt; &gt;= &lt; &lt;=, and || / &amp;&amp; without parentheses.
/// </summary>
internal sealed class FormConditionEvaluator : IConditionEvaluator
{
    public List<string> Evaluated { get; } = [];

    public bool Evaluate(string expression, CaseState state)
    {
        Evaluated.Add(expression);
        return expression.Split("||").Any(any => any.Split("&&").All(all => Comparison(all.Trim(), state)));
    }

    private static readonly string[] Operators = ["==", "!=", ">=", "<=", ">", "<"];

    private static bool Comparison(string text, CaseState state)
    {
        foreach (var op in Operators)
        {
            var at = text.IndexOf(op, StringComparison.Ordinal);
            if (at < 0) continue;
            var left = Value(text[..at].Trim(), state);
            var right = Value(text[(at + op.Length)..].Trim(), state);
            return op switch
            {
                "==" => Equals(left, right),
                "!=" => !Equals(left, right),
                _ => Compare(left, right, op),
            };
        }

        return Value(text, state) is true;
    }

    private static bool Compare(object? left, object? right, string op)
    {
        if (left is not decimal l || right is not decimal r) return false;
        return op switch { ">" => l > r, ">=" => l >= r, "<" => l < r, _ => l <= r };
    }

    private static object? Value(string token, CaseState state)
    {
        if (token.StartsWith('\'') && token.EndsWith('\'')) return token[1..^1];
        if (token is "true" or "false") return token == "true";
        if (decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return number;
        if (token == "applicant.type") return state.Applicant.Type.ToString().ToLowerInvariant();
        if (token.StartsWith("form.", StringComparison.Ordinal)) return Node(state.FormData[token["form.".Length..]]);
        throw new ArgumentException($"unknown name in condition: {token}");
    }

    // Form data may hold values built in code (int, string...) or parsed JSON: read them as JSON either way.
    private static object? Node(JsonNode? node)
    {
        if (node is null) return null;
        var element = System.Text.Json.JsonSerializer.SerializeToElement(node);
        return element.ValueKind switch
        {
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            System.Text.Json.JsonValueKind.Number => element.GetDecimal(),
            System.Text.Json.JsonValueKind.String => element.GetString(),
            _ => element.GetRawText(),
        };
    }
}
