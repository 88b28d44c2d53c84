using Jint.Parser.Ast;
using Workflows.Scripting.Parsing;

namespace Workflows.Scripting.Analysis;

/// <summary>
/// The var and function names declared anywhere in a function body (or the program), nested
/// blocks included: ES5 hoists them to the top of the function. Nested functions keep theirs.
/// </summary>
internal static class HoistedDeclarations
{
    public static IEnumerable<string> In(IEnumerable<SyntaxNode> body) => body.SelectMany(NamesIn);

    private static IEnumerable<string> NamesIn(SyntaxNode node) => node switch
    {
        FunctionDeclaration function => [function.Id.Name],
        FunctionExpression => [],
        VariableDeclarator declarator => [declarator.Id.Name, .. NamesIn(declarator.Init)],
        _ => SyntaxTree.ChildrenOf(node).SelectMany(NamesIn),
    };

    private static IEnumerable<string> NamesIn(Expression? expression) => expression is null ? [] : NamesIn((SyntaxNode)expression);
}
