using Acornima;
using Acornima.Ast;
using Workflows.Scripting.Runtime;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// Parses a script at the sandbox's language level, turning every failure into a <see cref="ScriptException"/>.
/// The level is ES5 in strict mode (docs/scripting.md): conditions are one-line expressions, the
/// designer's editor completes ES5, and every later construct (arrow functions, let, classes,
/// template literals, spread) is a syntax error located in the expression, at validation and at run time alike.
/// </summary>
internal static class ScriptParser
{
    /// <summary>Longest script accepted. Definition scripts are one-liners.</summary>
    public const int MaxSourceLength = 20_000;

    /// <summary>
    /// Deepest syntax tree accepted. The parser and Jint's interpreter are both recursive; this keeps
    /// one expression far inside the stack (and inside Jint's stack guard).
    /// </summary>
    public const int MaxSyntaxDepth = 128;

    // A Parser keeps state while it parses: one per call (options are immutable and shared).
    private static readonly ParserOptions Es5 = new() { EcmaVersion = EcmaVersion.ES5 };

    /// <exception cref="ScriptException">WF4101 (syntax), WF4105 (nesting) or WF4106 (length).</exception>
    public static Script Parse(string source)
    {
        if (source.Length > MaxSourceLength) throw ScriptErrors.Limit(LimitKind.SourceLength, limits: null);
        // Nesting is bounded before the recursive-descent parser sees the text: a few thousand
        // brackets would otherwise reach the parser's own stack guard with a less helpful message.
        if (BracketDepth(source) is { Depth: > MaxSyntaxDepth } deep)
            throw ScriptErrors.Limit(LimitKind.SyntaxNesting, limits: null, line: deep.Line, column: deep.Column);
        Script script;
        try
        {
            script = new Parser(Es5).ParseScript(source, sourceFile: null, strict: true);
        }
        catch (ParseErrorException exception)
        {
            throw ScriptErrors.Syntax(exception.Description, exception.LineNumber, Math.Max(1, exception.Column + 1));
        }
        catch (InsufficientExecutionStackException)
        {
            throw ScriptErrors.Limit(LimitKind.SyntaxNesting, limits: null);
        }
        CheckDepth(script, 0);
        CheckCompoundConcatenation(script);
        return script;
    }

    /// <summary>
    /// At most one <c>+=</c> per statement. Jint 4.18 charges a long <c>a + b</c> to the memory limit
    /// as it is built, but not <c>a += b</c>, and checks the limit only between statements; so
    /// <c>s += s, s += s, …</c> in one statement doubled a string to a gigabyte before any check.
    /// With one per statement a string at most doubles before the limit looks at it.
    /// </summary>
    private static void CheckCompoundConcatenation(Node node)
    {
        if (node is Statement)
        {
            var compound = CompoundConcatenationsIn(node).ToList();
            if (compound.Count > 1)
            {
                var (line, column) = SourcePosition.Of(compound[1]);
                throw new ScriptException(ScriptErrorCodes.MemoryLimit,
                    $"一条语句中最多使用一次 +=（第 {line} 行第 {column} 列），请拆成多条语句: at most one += per statement bounds string growth", line, column);
            }
        }
        foreach (var child in node.ChildNodes) if (child is not null) CheckCompoundConcatenation(child);
    }

    /// <summary>The += of this statement's own expressions: nested statements and functions count for themselves.</summary>
    private static IEnumerable<Node> CompoundConcatenationsIn(Node statement)
    {
        foreach (var child in statement.ChildNodes)
        {
            if (child is null or Statement or FunctionExpression or FunctionDeclaration) continue;
            foreach (var node in Self(child)) yield return node;
        }

        static IEnumerable<Node> Self(Node node)
        {
            if (node is AssignmentExpression assignment && AssignmentExpression.OperatorToString(assignment.Operator) == "+=") yield return node;
            if (node is FunctionExpression) yield break;
            foreach (var child in node.ChildNodes)
            {
                if (child is null) continue;
                foreach (var found in Self(child)) yield return found;
            }
        }
    }

    private static void CheckDepth(Node node, int depth)
    {
        if (depth > MaxSyntaxDepth)
        {
            var (line, column) = SourcePosition.Of(node);
            throw ScriptErrors.Limit(LimitKind.SyntaxNesting, limits: null, line: line, column: column);
        }
        foreach (var child in node.ChildNodes) if (child is not null) CheckDepth(child, depth + 1);
    }

    /// <summary>Deepest nesting of (, [ and { outside strings, with where it was reached; a cheap upper bound of tree depth.</summary>
    private static (int Depth, int Line, int Column) BracketDepth(string source)
    {
        int depth = 0, line = 1, column = 0;
        char quote = '\0';
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            column++;
            if (c == '\n') { line++; column = 0; continue; }
            if (quote != '\0')
            {
                if (c == '\\') { i++; column++; }
                else if (c == quote) quote = '\0';
                continue;
            }
            if (c is '\'' or '"') quote = c;
            else if (c is '(' or '[' or '{' && ++depth > MaxSyntaxDepth) return (depth, line, column);
            else if (c is ')' or ']' or '}') depth--;
        }
        return (0, 0, 0);
    }
}
