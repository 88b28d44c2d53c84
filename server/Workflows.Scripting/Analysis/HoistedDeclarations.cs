using Acornima.Ast;

namespace Workflows.Scripting.Analysis;

/// <summary>
/// The var and function names declared anywhere in a function body (or the program), nested
/// blocks included: ES5 hoists them to the top of the function. Nested functions keep theirs.
/// </summary>
internal static class HoistedDeclarations
{
    public static IEnumerable<string> In(IEnumerable<Node> body) => body.SelectMany(NamesIn);

    private static IEnumerable<string> NamesIn(Node? node) => node switch
    {
        null => [],
        FunctionDeclaration function => function.Id is { } id ? [id.Name] : [],
        FunctionExpression => [],
        VariableDeclarator declarator => [.. declarator.Id is Identifier id ? [id.Name] : Array.Empty<string>(), .. NamesIn(declarator.Init)],
        _ => node.ChildNodes.ToList().SelectMany(child => NamesIn(child)),
    };
}
