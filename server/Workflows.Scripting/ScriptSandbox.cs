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
        return ScriptExecution.Run(compiled.Program, compiled.IsPlainExpression, data, Limits, _calendar, _today(), readResult);
    }
}
