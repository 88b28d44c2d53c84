using Jint.Parser.Ast;

namespace Workflows.Scripting.Parsing;

/// <summary>The child nodes of every node type of Jint 2.10.4's ES5 syntax tree, in source order.</summary>
internal static class SyntaxTree
{
    public static IEnumerable<SyntaxNode> ChildrenOf(SyntaxNode node)
    {
        IEnumerable<SyntaxNode?> children = node switch
        {
            Program program => program.Body,
            BlockStatement block => block.Body,
            ExpressionStatement statement => [statement.Expression],
            VariableDeclaration declaration => declaration.Declarations,
            VariableDeclarator declarator => [declarator.Id, declarator.Init],
            IfStatement statement => [statement.Test, statement.Consequent, statement.Alternate],
            WhileStatement loop => [loop.Test, loop.Body],
            DoWhileStatement loop => [loop.Body, loop.Test],
            ForStatement loop => [loop.Init, loop.Test, loop.Update, loop.Body],
            ForInStatement loop => [loop.Left, loop.Right, loop.Body],
            ReturnStatement statement => [statement.Argument],
            ThrowStatement statement => [statement.Argument],
            TryStatement statement => [statement.Block, .. statement.GuardedHandlers ?? [], .. statement.Handlers ?? [], statement.Finalizer],
            CatchClause clause => [clause.Param, clause.Body],
            SwitchStatement statement => [statement.Discriminant, .. statement.Cases],
            SwitchCase switchCase => [switchCase.Test, .. switchCase.Consequent],
            LabelledStatement statement => [statement.Label, statement.Body],
            BreakStatement statement => [statement.Label],
            ContinueStatement statement => [statement.Label],
            WithStatement statement => [statement.Object, statement.Body],
            FunctionDeclaration function => [function.Id, .. function.Parameters, function.Body],
            FunctionExpression function => [function.Id, .. function.Parameters, function.Body],
            ArrayExpression array => array.Elements,
            ObjectExpression literal => literal.Properties,
            Property property => [(SyntaxNode)property.Key, property.Value],
            AssignmentExpression assignment => [assignment.Left, assignment.Right],
            BinaryExpression binary => [binary.Left, binary.Right],
            LogicalExpression logical => [logical.Left, logical.Right],
            ConditionalExpression conditional => [conditional.Test, conditional.Consequent, conditional.Alternate],
            UnaryExpression unary => [unary.Argument],
            CallExpression call => [call.Callee, .. call.Arguments],
            NewExpression construction => [construction.Callee, .. construction.Arguments],
            MemberExpression member => [member.Object, member.Property],
            SequenceExpression sequence => sequence.Expressions,
            _ => [],
        };

        return children.OfType<SyntaxNode>();
    }
}
