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
            item.Materials.Select(m => m.Id).ToHashSet(StringComparer.Ordinal),
            item);
        // A field's own check runs only when the field is shown and filled in.
        var checkedFields = new Dictionary<Rule, Field>(ReferenceEqualityComparer.Instance);
        foreach (var field in (item.Form?.Fields ?? []).SelectMany(f => f.Columns.Prepend(f)))
            if (field.Check is { } check) checkedFields[check] = field;
        object?[] parts = [item.Materials, item.Form, item.Workflow];
        foreach (var part in parts.OfType<object>().Where(p => !context.IsBroken(p)))
        {
            foreach (var value in ModelWalker.Values(part))
            {
                if (!value.Shape.IsScript || value.Value is not string expression) continue;
                var start = context.At(value.Container, value.Member);
                foreach (var problem in checker.Check(expression, scope with { Guards = GuardsOf(value.Container, value.Member, checkedFields) }))
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

    /// <summary>What must hold for the script to run at all: a rule's <c>when</c>; for a field's check, the field shown and filled.</summary>
    private static List<string> GuardsOf(object container, string member, Dictionary<Rule, Field> checkedFields)
    {
        var guards = new List<string>();
        if (container is not Rule rule || member == nameof(Rule.When)) return guards;
        if (rule.When is { } when) guards.Add(when);
        if (checkedFields.TryGetValue(rule, out var field))
        {
            if (field.When is { } shown) guards.Add(shown);
            guards.Add($"form.{field.Id} != null");
        }
        return guards;
    }
}
