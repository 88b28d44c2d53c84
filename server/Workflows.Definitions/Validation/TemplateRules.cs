using Workflows.Definitions.Diagnostics;

namespace Workflows.Definitions.Validation;

/// <summary>Every template file compiles; problems point into the template file itself.</summary>
public static class TemplateRules
{
    public static void Check(ValidationContext context, ITemplateChecker checker)
    {
        foreach (var (_, path) in context.Set.Templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var text = Loading.DefinitionFile.ReadText(path, context.Diagnostics);
            if (text is null) continue;
            foreach (var problem in checker.Check(path, text))
            {
                var at = new SourceLocation(path, problem.Line, problem.Column);
                if (problem.IsWarning) context.Diagnostics.Warning(DiagnosticCodes.TemplateSyntax, at, problem.Message);
                else context.Diagnostics.Error(DiagnosticCodes.TemplateSyntax, at, problem.Message);
            }
        }
    }
}
