using System.Text.Json.Nodes;
using Workflows.Domain;
using Workflows.Scripting.Parsing;
using Workflows.Scripting.Runtime;

namespace Workflows.Scripting;

/// <summary>
/// Runs the one-line ES5 expressions of definition files (conditions, rules) in Jint 4 with no
/// access to .NET, under <see cref="ScriptLimits"/>. Thread-safe: each distinct expression is
/// parsed and prepared once and the program shared, each evaluation gets its own engine.
/// </summary>
public sealed class ScriptSandbox
{
    private readonly WorkingCalendar _calendar;
    private readonly Func<DateOnly> _today;
    private readonly CompiledScriptCache _scripts = new();

    public ScriptSandbox(WorkingCalendar calendar, Func<DateOnly> today, ScriptLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(today);
        _calendar = calendar;
        _today = today;
        Limits = limits ?? new ScriptLimits();
        Limits.Validate();
    }

    public ScriptLimits Limits { get; }

    /// <summary>
    /// Runs plain expressions with the native-call guard too, as every other script. Off in the server:
    /// a plain expression (<see cref="IsPlainExpression"/>) cannot call the built-ins the guard wraps, and
    /// skipping it is the sandbox's fast path. On, it is the reference path that the conformance suite
    /// (tests/conformance, ConformanceTests) proves the fast path equal to and that
    /// <c>./bench.sh conditions</c> measures it against.
    /// </summary>
    public bool GuardPlainExpressions { get; init; }

    /// <summary>
    /// Whether the expression takes the fast path: one expression of literals, names, member reads,
    /// operators and calls of the helpers (Parsing.PlainExpression), run without the native-call guard
    /// unless <see cref="GuardPlainExpressions"/>. False for a script that does not compile.
    /// </summary>
    public bool IsPlainExpression(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return _scripts.Get(expression).IsPlainExpression;
    }

    /// <summary>
    /// The expression's value as JSON (what JSON.stringify would give; undefined is null).
    /// <paramref name="data"/> may hold applicant, form, materials and case.
    /// </summary>
    /// <exception cref="ScriptException">Any failure of the script, with a WF41xx code.</exception>
    /// <exception cref="ArgumentException">The data has another key.</exception>
    public JsonNode? Evaluate(string expression, JsonObject? data = null) => Run(expression, data, ScriptResult.ToJson);

    /// <summary>The expression's JavaScript truthiness.</summary>
    /// <exception cref="ScriptException">Any failure of the script, with a WF41xx code.</exception>
    /// <exception cref="ArgumentException">The data has another key.</exception>
    public bool EvaluateCondition(string expression, JsonObject? data = null) => Run(expression, data, ScriptResult.ToCondition);

    private T Run<T>(string expression, JsonObject? data, Func<Jint.Engine, ScriptLimits, Jint.Native.JsValue, T> readResult)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ScriptData.Validate(data);
        var compiled = _scripts.Get(expression);
        return ScriptExecution.Run(compiled.Program, compiled.IsPlainExpression && !GuardPlainExpressions, data, Limits, _calendar, _today(), readResult);
    }
}
