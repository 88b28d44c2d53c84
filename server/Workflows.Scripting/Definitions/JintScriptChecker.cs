using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Validation;

namespace Workflows.Scripting.Definitions;

/// <summary>
/// Checks definition scripts at load: they must parse at the sandbox's language level (ES5, strict),
/// must not reach for constructors or prototypes (<see cref="ScriptReflection"/>), and every name they read must be a helper,
/// a safe built-in, a form field of the item (<c>form.x</c>), an applicant property or a material.
/// </summary>
public sealed class JintScriptChecker : IScriptChecker
{
    // Samples are made once per item (an item's scripts are checked one after another). The
    // calendar is Monday to Friday: a sample run asks whether a script fails, not what it returns.
    private readonly ScriptSandbox _sandbox = new(new Workflows.Domain.WorkingCalendar([]), () => new DateOnly(2026, 3, 2));
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<Workflows.Definitions.Model.ItemDefinition, IReadOnlyList<SampleApplication>> _samples = new();

    public IEnumerable<ScriptProblem> Check(string expression, ScriptScope scope)
    {
        var found = false;
        foreach (var problem in CheckStatically(expression, scope))
        {
            found = true;
            yield return problem;
        }
        if (found || scope.Item is null) yield break;
        // A script that reads well may still fail on data (a property of an empty optional field, of a
        // material that does not apply): then every intake of the item would answer 422. Run it on the
        // item's made-up applications and report the first failure, located at the script.
        foreach (var sample in _samples.GetValue(scope.Item, item => SampleApplications.For(item, _sandbox)))
        {
            string? failure = null;
            try
            {
                if (scope.Guards is { } guards && !guards.All(g => _sandbox.EvaluateCondition(g, sample.Data))) continue;
                _sandbox.Evaluate(expression, sample.Data);
            }
            catch (ScriptException e) { failure = $"{e.Code}: {e.Message}"; }
            if (failure is null) continue;
            yield return new ScriptProblem(DiagnosticCodes.ScriptFailsOnSample,
                $"脚本在示例申请（{sample.Label}）上运行失败：{failure}。请处理字段未填、材料不适用的情况 (script fails on a sample application)", 1, 1);
            yield break;
        }
    }

    private static IEnumerable<ScriptProblem> CheckStatically(string expression, ScriptScope scope)
    {
        var analysis = ScriptAnalyzer.Analyze(expression);
        if (analysis.SyntaxError is { } syntax)
        {
            yield return new ScriptProblem(DiagnosticCodes.ScriptSyntax, $"脚本语法错误: {syntax.Message} (script syntax error)", syntax.Line, syntax.Column);
            yield break;
        }
        foreach (var reflection in analysis.Reflections)
            yield return new ScriptProblem(DiagnosticCodes.ScriptReflectiveAccess,
                reflection.Member is { } member
                    ? $"脚本不能访问 '{member}'：它通向构造函数或原型 (reflective access to '{member}' is not allowed)"
                    : "脚本只能对 form、applicant、materials、case 的数据使用 [表达式] 取值 (computed member access on something other than the data is not allowed)",
                reflection.Line, reflection.Column);
        foreach (var name in analysis.FreeNames.Where(n => !ScriptVocabulary.Globals.Contains(n.Name)))
            yield return new ScriptProblem(DiagnosticCodes.ScriptUnknownName,
                $"脚本中的 '{name.Name}' 未定义；可用 applicant、form、materials、today 及辅助函数 idcard、uscc、age、workdays、date (unknown name)",
                name.Line, name.Column);
        foreach (var member in analysis.Members)
        {
            var problem = member.Root switch
            {
                "form" when !scope.FormFields.Contains(member.Member) =>
                    new ScriptProblem(DiagnosticCodes.ScriptUnknownField,
                        $"申请表没有字段 '{member.Member}'{Naming.DidYouMean(member.Member, scope.FormFields)} (unknown form field)", member.Line, member.Column),
                "materials" when !scope.MaterialIds.Contains(member.Member) =>
                    new ScriptProblem(DiagnosticCodes.ScriptUnknownField,
                        $"材料清单中没有 '{member.Member}'{Naming.DidYouMean(member.Member, scope.MaterialIds)} (unknown material)", member.Line, member.Column),
                "applicant" when !ScriptVocabulary.ApplicantMembers.Contains(member.Member) =>
                    new ScriptProblem(DiagnosticCodes.ScriptUnknownMember,
                        $"applicant 没有属性 '{member.Member}'，可用: {string.Join(", ", ScriptVocabulary.ApplicantMembers)} (unknown applicant property)", member.Line, member.Column),
                _ when ScriptVocabulary.HelperMembers.TryGetValue(member.Root, out var members) && !members.Contains(member.Member) =>
                    new ScriptProblem(DiagnosticCodes.ScriptUnknownMember,
                        $"{member.Root} 没有 '{member.Member}'，可用: {string.Join(", ", members)} (unknown helper)", member.Line, member.Column),
                _ => null,
            };
            if (problem is not null) yield return problem;
        }
    }
}
