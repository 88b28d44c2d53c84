using Jint.Parser.Ast;
using Workflows.Scripting.Guards;
using Workflows.Scripting.Runtime;

namespace Workflows.Scripting.Parsing;

/// <summary>What the sandbox refuses in a syntax tree that Jint itself would accept.</summary>
internal static class SyntaxRules
{
    /// <summary>
    /// Deepest syntax tree accepted. Executing the tree is recursive too, and instrumentation can
    /// double the depth; this keeps one expression well inside the stack budget of an evaluation.
    /// </summary>
    public const int MaxSyntaxDepth = 128;

    /// <exception cref="ScriptException">WF4101 for <c>with</c>, WF4105 for nesting deeper than <see cref="MaxSyntaxDepth"/>.</exception>
    public static void Check(Program program) => Check(program, depth: 0);

    private static void Check(SyntaxNode node, int depth)
    {
        if (depth > MaxSyntaxDepth)
        {
            var (line, column) = SourcePosition.Of(node);
            throw ScriptErrors.Limit(LimitKind.SyntaxNesting, limits: null, line: line, column: column);
        }

        if (node is WithStatement)
        {
            // A with statement puts an object on the scope chain, which could shadow the names of
            // the guard functions the instrumentation inserts.
            var (line, column) = SourcePosition.Of(node);
            throw ScriptErrors.Syntax("不支持 with 语句 (the with statement is not allowed)", line, column);
        }

        foreach (var child in SyntaxTree.ChildrenOf(node))
        {
            Check(child, depth + 1);
        }
    }
}
