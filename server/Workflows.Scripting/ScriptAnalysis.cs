namespace Workflows.Scripting;

/// <summary>What <see cref="ScriptAnalyzer.Analyze"/> found in a script, in source order.</summary>
public sealed record ScriptAnalysis(
    ScriptSyntaxError? SyntaxError,
    IReadOnlyList<ScriptName> FreeNames,
    IReadOnlyList<ScriptMember> Members,
    IReadOnlyList<ScriptReflection> Reflections)
{
    public ScriptAnalysis(ScriptSyntaxError? syntaxError, IReadOnlyList<ScriptName> freeNames, IReadOnlyList<ScriptMember> members)
        : this(syntaxError, freeNames, members, []) { }
}

/// <summary>Why the script does not compile, at a 1-based line and column.</summary>
public sealed record ScriptSyntaxError(string Message, int Line, int Column);

/// <summary>An identifier the script reads without declaring it (var, function and parameter names are declared).</summary>
public sealed record ScriptName(string Name, int Line, int Column);

/// <summary><c>form.x</c> or <c>form['x']</c> where <c>form</c> is a free name; the position is the member's.</summary>
public sealed record ScriptMember(string Root, string Member, int Line, int Column);

/// <summary>
/// A member access that reaches constructors or prototypes: <c>x.constructor</c>, <c>x.prototype</c>,
/// <c>x.__proto__</c> (also as <c>x['…']</c>), or <c>x[expression]</c> on something that is not the
/// evaluation's data (<c>({})['constr' + 'uctor']</c>). <see cref="Member"/> is the name, or null when computed.
/// </summary>
public sealed record ScriptReflection(string? Member, int Line, int Column);
