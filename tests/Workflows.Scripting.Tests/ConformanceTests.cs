using System.Text.Json.Nodes;
using Acornima;
using Acornima.Ast;

namespace Workflows.Scripting.Tests;

/// <summary>
/// The conformance fixtures of the expression language (<c>tests/conformance/expressions.json</c>),
/// run here against the server's sandbox and by vitest against the browser's interpreter
/// (designer/src/forms/interpreter.test.ts): both sides must give the same answers.
/// On the server every fixture runs twice: on the fast path (a plain expression runs without the
/// native-call guard, <see cref="ScriptSandbox.IsPlainExpression"/>) and on the guarded path every
/// other script takes (<see cref="ScriptSandbox.GuardPlainExpressions"/>). The fast path stays only
/// because the two agree, value for value and error code for error code.
/// </summary>
public class ConformanceTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Load()) data.Add(fixture["name"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void TheServer_AnswersEachFixtureAsTheBrowserDoes_OnTheFastAndTheGuardedPath(string name)
    {
        var fixture = Load().Single(f => f["name"]!.GetValue<string>() == name);
        var data = fixture["data"]!.AsObject();
        var today = data["today"] is { } t ? DateOnly.Parse(t.GetValue<string>()) : new DateOnly(2026, 12, 1);
        var expression = fixture["expression"]!.GetValue<string>();
        var fast = new ScriptSandbox(Sandboxes.Calendar2026, () => today);
        var guarded = new ScriptSandbox(Sandboxes.Calendar2026, () => today) { GuardPlainExpressions = true };

        var onFastPath = Outcome(fast, expression, Scope(data));
        var onGuardedPath = Outcome(guarded, expression, Scope(data));

        var expected = fixture["error"] is { } code ? $"error {code.GetValue<string>()}" : $"value {fixture["expected"]?.ToJsonString() ?? "null"}";
        Assert.True(expected == onFastPath, $"{name}: expected {expected}, the fast path gave {onFastPath}");
        Assert.True(expected == onGuardedPath, $"{name}: expected {expected}, the guarded path gave {onGuardedPath}");
    }

    /// <summary>
    /// Every shape the fast path accepts (Parsing.PlainExpression: literals, names, member reads, every unary,
    /// update, binary and logical operator, ?:, array literals and each helper call) appears in at least one
    /// fixture that takes the fast path, so the test above proves each of them equal to the guarded path.
    /// </summary>
    [Fact]
    public void TheFixtures_CoverEveryShapeTheFastPathAccepts()
    {
        var sandbox = new ScriptSandbox(Sandboxes.Calendar2026, () => new DateOnly(2026, 12, 1));
        var plain = Load().Select(f => f["expression"]!.GetValue<string>()).Where(sandbox.IsPlainExpression).ToList();
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var expression in plain)
            Collect(new Parser(new ParserOptions { EcmaVersion = EcmaVersion.ES5 }).ParseScript(expression, strict: true), expression, covered);

        string[] shapes =
        [
            "StringLiteral", "NumericLiteral", "BooleanLiteral", "NullLiteral", "name", "member .", "member []", "conditional", "array",
            .. new[] { "!", "-", "+", "typeof", "void", "~", "delete" }.Select(o => $"unary {o}"),
            "update ++", "update --",
            .. new[] { "==", "!=", "===", "!==", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", ">>>", "in", "instanceof", "&&", "||" }
                .Select(o => $"binary {o}"),
            "call age",
            .. ScriptVocabulary.HelperMembers.SelectMany(h => h.Value.Select(m => $"call {h.Key}.{m}")),
        ];
        var missing = shapes.Where(s => !covered.Contains(s)).ToList();
        Assert.True(missing.Count == 0, $"no fast-path fixture covers: {string.Join(", ", missing)}");
        // And the guarded-only scripts are there too (a built-in method call is not plain).
        Assert.Contains(Load(), f => !sandbox.IsPlainExpression(f["expression"]!.GetValue<string>()));
    }

    private static void Collect(Node node, string source, HashSet<string> shapes)
    {
        // Operators are read from the source between the operands, so the names are the language's own.
        string Between(int from, int to) => source[from..to].Trim().Trim('(', ')').Trim();
        switch (node)
        {
            case Literal literal: shapes.Add(literal.GetType().Name); break;
            case Identifier: shapes.Add("name"); break;
            case MemberExpression member: shapes.Add(member.Computed ? "member []" : "member ."); break;
            case ConditionalExpression: shapes.Add("conditional"); break;
            case ArrayExpression: shapes.Add("array"); break;
            case UpdateExpression update:
                shapes.Add("update " + (update.Prefix ? Between(update.Range.Start, update.Argument.Range.Start) : Between(update.Argument.Range.End, update.Range.End)));
                break;
            case UnaryExpression unary: shapes.Add("unary " + Between(unary.Range.Start, unary.Argument.Range.Start)); break;
            case LogicalExpression logical: shapes.Add("binary " + Between(logical.Left.Range.End, logical.Right.Range.Start)); break;
            case BinaryExpression binary: shapes.Add("binary " + Between(binary.Left.Range.End, binary.Right.Range.Start)); break;
            case CallExpression { Callee: Identifier callee }: shapes.Add($"call {callee.Name}"); break;
            case CallExpression { Callee: MemberExpression { Object: Identifier helper, Property: Identifier member } }:
                shapes.Add($"call {helper.Name}.{member.Name}");
                break;
        }
        foreach (var child in node.ChildNodes) if (child is not null) Collect(child, source, shapes);
    }

    private static JsonObject Scope(JsonObject data) => new()
    {
        ["applicant"] = data["applicant"]?.DeepClone() ?? new JsonObject { ["type"] = "person" },
        ["form"] = data["form"]?.DeepClone() ?? new JsonObject(),
        ["materials"] = data["materials"]?.DeepClone() ?? new JsonObject(),
    };

    /// <summary>"value …" (as JSON) or "error WF41xx": what one path answers.</summary>
    private static string Outcome(ScriptSandbox sandbox, string expression, JsonObject scope)
    {
        try { return $"value {sandbox.Evaluate(expression, scope)?.ToJsonString() ?? "null"}"; }
        catch (ScriptException e) { return $"error {e.Code}"; }
    }

    private static IEnumerable<JsonObject> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "conformance", "expressions.json"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new FileNotFoundException("tests/conformance/expressions.json"), "tests", "conformance", "expressions.json");
        return JsonNode.Parse(File.ReadAllText(path))!["fixtures"]!.AsArray().Select(f => f!.AsObject());
    }
}
