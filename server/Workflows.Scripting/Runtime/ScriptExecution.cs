using System.Text.Json.Nodes;
using Acornima.Ast;
using Jint;
using Jint.Native;
using Workflows.Domain;

namespace Workflows.Scripting.Runtime;

/// <summary>One evaluation: a fresh engine, the data, the program run, the result read, every failure mapped.</summary>
internal static class ScriptExecution
{
    public static T Run<T>(
        Prepared<Script> program,
        bool plainExpression,
        JsonObject? data,
        ScriptLimits limits,
        WorkingCalendar calendar,
        DateOnly today,
        Func<Engine, ScriptLimits, JsValue, T> readResult)
    {
        var engine = SandboxEngine.Create(limits, calendar, today, guardNatives: !plainExpression);
        ScriptData.Define(engine, data, limits);
        try
        {
            var completion = engine.Evaluate(program);
            // Reading the result can run script code too (toJSON, getters).
            return readResult(engine, limits, completion);
        }
        catch (Exception exception)
        {
            throw ScriptErrors.FromEngineFailure(exception, limits);
        }
    }
}
