namespace Workflows.Definitions.Validation;

/// <summary>
/// Compiles a script expression and checks the names it reads. Implemented by the scripting
/// project, so this project stays free of the script engine.
/// </summary>
public interface IScriptChecker
{
    IEnumerable<ScriptProblem> Check(string expression, ScriptScope scope);
}

/// <summary>
/// What a script in a given place may read: the item's form fields and material ids. With the item,
/// a checker may also run the script on made-up applications of it, where all of
/// <paramref name="Guards"/> hold (a rule's own condition, its field being filled and shown).
/// </summary>
public sealed record ScriptScope(IReadOnlySet<string> FormFields, IReadOnlySet<string> MaterialIds, Model.ItemDefinition? Item = null,
    IReadOnlyList<string>? Guards = null);

/// <summary>A problem at a 1-based position inside the expression.</summary>
public sealed record ScriptProblem(string Code, string Message, int Line, int Column);

/// <summary>Compiles a template file; implemented by the documents project.</summary>
public interface ITemplateChecker
{
    IEnumerable<TemplateProblem> Check(string path, string text);
}

public sealed record TemplateProblem(string Message, int Line, int Column, bool IsWarning = false);
