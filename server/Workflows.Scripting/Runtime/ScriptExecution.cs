using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Parser.Ast;
using Workflows.Domain;
using Workflows.Scripting.Guards;

namespace Workflows.Scripting.Runtime;

/// <summary>One evaluation: a fresh engine, the data, the budget started, the program run, the result read.</summary>
internal static class ScriptExecution
{
    public static T Run<T>(
        Program program,
        JsonObject? data,
        ScriptLimits limits,
        WorkingCalendar calendar,
        DateOnly today,
        Func<Engine, ExecutionBudget, JsValue, T> readResult)
    {
        var budget = new ExecutionBudget(limits);
        var engine = SandboxEngine.Create(limits, budget, calendar, today);
        ScriptData.Define(engine, data, limits);
        try
        {
            budget.Start();
            var completion = engine.Execute(program).GetCompletionValue();
            // Reading the result can run script code too (toJSON, getters), under the same budget.
            return readResult(engine, budget, completion);
        }
        catch (Exception exception)
        {
            throw ScriptErrors.FromEngineFailure(exception, limits);
        }
    }
}
