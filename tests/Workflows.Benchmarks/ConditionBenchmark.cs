using System.Diagnostics;
using System.Text.Json.Nodes;
using Workflows.Definitions.Validation;
using Workflows.Scripting;
using Workflows.Scripting.Definitions;
using Workflows.Server.Hosting;

namespace Workflows.Benchmarks;

/// <summary>
/// <c>./bench.sh conditions [ROUNDS]</c>: the sandbox's fast path against its guarded path, in one run, on the
/// sample county's real scripts (every <c>when</c>, branch condition and form rule of definitions/items) evaluated
/// on each item's made-up applications (SampleApplications, as validation runs them). The fast path runs a
/// plain expression on Jint without the native-call guard; the guarded path installs the guard for every
/// script, as it does for any script that is not plain. Both paths' answers are compared first: the figures
/// mean nothing unless they agree.
/// </summary>
public static class ConditionBenchmark
{
    public static int Run(string root, int rounds)
    {
        var today = new DateOnly(2026, 3, 2);
        var set = DefinitionPipeline.LoadAndValidate(Path.Combine(root, "definitions"), Path.Combine(root, "templates"), today);
        var calendar = CalendarRules.Build(set.Calendars);
        var fast = new ScriptSandbox(calendar, () => today);
        var guarded = new ScriptSandbox(calendar, () => today) { GuardPlainExpressions = true };

        var scripts = 0;
        var plainScripts = 0;
        var samples = 0;
        var pairs = new List<(string Script, JsonObject Data)>();
        foreach (var item in set.Items)
        {
            object?[] parts = [item.Materials, item.Form, item.Workflow];
            var itemScripts = parts.OfType<object>().SelectMany(ModelWalker.Values)
                .Where(v => v.Shape.IsScript && v.Value is string).Select(v => (string)v.Value).Distinct(StringComparer.Ordinal).ToList();
            var applications = SampleApplications.For(item, fast);
            scripts += itemScripts.Count;
            samples += applications.Count;
            foreach (var script in itemScripts.Where(fast.IsPlainExpression))
            {
                plainScripts++;
                pairs.AddRange(applications.Select(a => (script, a.Data)));
            }
        }
        if (pairs.Count == 0) { Console.Error.WriteLine("no plain expression in the sample county"); return 1; }

        var differing = pairs.Where(p => Outcome(fast, p.Script, p.Data) != Outcome(guarded, p.Script, p.Data)).ToList();
        foreach (var (script, _) in differing.Take(5)) Console.Error.WriteLine($"paths differ on: {script}");
        if (differing.Count > 0) return 1;

        // Warm both paths (JIT, compiled-script caches), then alternate which goes first in each round.
        EvaluateAll(fast, pairs);
        EvaluateAll(guarded, pairs);
        var fastTimes = new List<double>();
        var guardedTimes = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                fastTimes.Add(EvaluateAll(fast, pairs));
                guardedTimes.Add(EvaluateAll(guarded, pairs));
            }
            else
            {
                guardedTimes.Add(EvaluateAll(guarded, pairs));
                fastTimes.Add(EvaluateAll(fast, pairs));
            }
        }
        var fastEach = Median(fastTimes) * 1000 / pairs.Count;
        var guardedEach = Median(guardedTimes) * 1000 / pairs.Count;

        Console.WriteLine($"样例县 {set.Items.Count} 个事项：脚本 {scripts} 条，其中普通表达式 {plainScripts} 条（走快速路径），示例申请 {samples} 份");
        Console.WriteLine($"求值 {pairs.Count} 次/轮（普通表达式 × 所属事项的示例申请），{rounds} 轮，取中位数");
        Console.WriteLine($"两条路径结果一致: {pairs.Count}/{pairs.Count}");
        Console.WriteLine($"快速路径（普通表达式，不装原生调用守卫）: {fastEach,8:0.0} µs/次");
        Console.WriteLine($"守卫路径（每个脚本都装守卫）:             {guardedEach,8:0.0} µs/次");
        Console.WriteLine($"比值: 快速路径快 {guardedEach / fastEach:0.00}×");
        return 0;
    }

    /// <summary>Milliseconds for one pass over the pairs, as the engine asks (truthiness); a failing script counts as false.</summary>
    private static double EvaluateAll(ScriptSandbox sandbox, List<(string Script, JsonObject Data)> pairs)
    {
        var watch = Stopwatch.StartNew();
        foreach (var (script, data) in pairs)
        {
            try { sandbox.EvaluateCondition(script, data); }
            catch (ScriptException) { }
        }
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string Outcome(ScriptSandbox sandbox, string script, JsonObject data)
    {
        try { return "value " + (sandbox.Evaluate(script, data)?.ToJsonString() ?? "null"); }
        catch (ScriptException e) { return "error " + e.Code; }
    }

    private static double Median(List<double> times) => times.Order().ElementAt(times.Count / 2);
}
