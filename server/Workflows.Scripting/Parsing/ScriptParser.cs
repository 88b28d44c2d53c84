using Jint.Parser;
using Jint.Parser.Ast;
using Workflows.Scripting.Guards;
using Workflows.Scripting.Runtime;

namespace Workflows.Scripting.Parsing;

/// <summary>Parses a script and applies <see cref="SyntaxRules"/>, turning every failure into a <see cref="ScriptException"/>.</summary>
internal static class ScriptParser
{
    /// <summary>
    /// Longest script accepted. Definition scripts are one-liners; the cap bounds the parser's
    /// recursion (at most one level per character) well inside <see cref="DedicatedStack"/>.
    /// </summary>
    public const int MaxSourceLength = 20_000;

    /// <summary>Parses on the calling thread; call it inside <see cref="DedicatedStack.Run{T}"/>.</summary>
    /// <exception cref="ScriptException">WF4101, WF4105 or WF4106.</exception>
    public static Program Parse(string source)
    {
        if (source.Length > MaxSourceLength)
        {
            throw ScriptErrors.Limit(LimitKind.SourceLength, limits: null);
        }

        Program program;
        try
        {
            program = new JavaScriptParser().Parse(source);
        }
        catch (ParserException exception)
        {
            throw ScriptErrors.Syntax(exception);
        }

        SyntaxRules.Check(program);
        return program;
    }
}
