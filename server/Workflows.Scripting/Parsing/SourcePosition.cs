using Jint.Parser.Ast;

namespace Workflows.Scripting.Parsing;

/// <summary>Jint's syntax nodes carry 1-based lines and 0-based columns; diagnostics use 1-based columns.</summary>
internal static class SourcePosition
{
    public static (int Line, int Column) Of(SyntaxNode node) =>
        node.Location is { } location ? (location.Start.Line, location.Start.Column + 1) : (1, 1);
}
