using Acornima.Ast;

namespace Workflows.Scripting.Parsing;

/// <summary>Acornima's nodes carry 1-based lines and 0-based columns; diagnostics use 1-based columns.</summary>
internal static class SourcePosition
{
    public static (int Line, int Column) Of(Node node) => (node.Location.Start.Line, node.Location.Start.Column + 1);
}
