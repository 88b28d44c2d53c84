using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>Every <see cref="Mapping.ScriptAttribute">script</see> in an item compiles and reads only known names.</summary>
public static class ScriptRules
{
    public static void Check(ValidationContext context, ItemDefinition item, IScriptChecker checker)
    {
        var scope = new ScriptScope(
            (item.Form?.Fields.Select(f => f.Id) ?? []).ToHashSet(StringComparer.Ordinal),
            item.Materials.Select(m => m.Id).ToHashSet(StringComparer.Ordinal));
        object?[] parts = [item.Materials, item.Form, item.Workflow];
        foreach (var part in parts.OfType<object>().Where(p => !context.IsBroken(p)))
        {
            foreach (var value in ModelWalker.Values(part))
            {
                if (!value.Shape.IsScript || value.Value is not string expression) continue;
                var start = context.At(value.Container, value.Member);
                foreach (var problem in checker.Check(expression, scope))
                {
                    // Scripts are one-line scalars: a problem's column is an offset from the value's start.
                    var at = problem.Line <= 1
                        ? start with { Column = start.Column + problem.Column - 1 }
                        : start with { Line = start.Line + problem.Line - 1, Column = problem.Column };
                    context.Diagnostics.Error(problem.Code, at, problem.Message);
                }
            }
        }
    }
}
