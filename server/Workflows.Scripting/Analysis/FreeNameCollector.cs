using Jint.Parser.Ast;
using Workflows.Scripting.Parsing;

namespace Workflows.Scripting.Analysis;

/// <summary>
/// Walks a parsed script with ES5 scoping and records the names it reads without declaring them,
/// and the members it reads from those names (<c>form.x</c>, <c>form['x']</c>).
/// Names that are not references are skipped: property names after a dot, object literal keys,
/// labels, and the declared names themselves. A plain assignment <c>x = 1</c> writes x without
/// reading it, so it is not reported.
/// </summary>
internal sealed class FreeNameCollector
{
    private readonly List<ScriptName> _names = [];
    private readonly List<ScriptMember> _members = [];
    private LexicalScope _scope = new(parent: null);

    private FreeNameCollector()
    {
    }

    public static ScriptAnalysis Collect(Program program)
    {
        var collector = new FreeNameCollector();
        collector.DeclareAll(HoistedDeclarations.In(program.Body));
        foreach (var statement in program.Body)
        {
            collector.Visit(statement);
        }

        return new ScriptAnalysis(
            SyntaxError: null,
            collector._names.OrderBy(name => name.Line).ThenBy(name => name.Column).ToList(),
            collector._members.OrderBy(member => member.Line).ThenBy(member => member.Column).ToList());
    }

    private void Visit(SyntaxNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case Identifier identifier:
                Read(identifier);
                return;
            case MemberExpression member:
                VisitMember(member);
                return;
            case AssignmentExpression { Operator: AssignmentOperator.Assign, Left: Identifier } assignment:
                Visit(assignment.Right);
                return;
            case VariableDeclarator declarator:
                Visit(declarator.Init);
                return;
            case Property property:
                Visit(property.Value);
                return;
            case LabelledStatement labelled:
                Visit(labelled.Body);
                return;
            case BreakStatement or ContinueStatement:
                return;
            case ForInStatement { Left: Identifier } loop:
                // for (k in o) assigns k without reading it.
                Visit(loop.Right);
                Visit(loop.Body);
                return;
            case CatchClause clause:
                InScope(scope => scope.Declare(clause.Param.Name), () => Visit(clause.Body));
                return;
            case FunctionDeclaration function:
                VisitFunction(function.Parameters, function.Body, ownName: null);
                return;
            case FunctionExpression function:
                VisitFunction(function.Parameters, function.Body, function.Id?.Name);
                return;
            default:
                foreach (var child in SyntaxTree.ChildrenOf(node))
                {
                    Visit(child);
                }

                return;
        }
    }

    private void VisitMember(MemberExpression member)
    {
        Visit(member.Object);
        if (member.Computed)
        {
            Visit(member.Property);
        }

        if (member.Object is Identifier root && !_scope.Declares(root.Name) && MemberName(member) is { } name)
        {
            var (line, column) = SourcePosition.Of(member.Property);
            _members.Add(new ScriptMember(root.Name, name, line, column));
        }
    }

    private static string? MemberName(MemberExpression member) => member switch
    {
        { Computed: false, Property: Identifier property } => property.Name,
        { Computed: true, Property: Literal { Value: string key } } => key,
        _ => null,
    };

    private void VisitFunction(IEnumerable<Identifier> parameters, Statement body, string? ownName) =>
        InScope(
            scope =>
            {
                if (ownName is not null)
                {
                    scope.Declare(ownName);
                }

                scope.Declare("arguments");
                foreach (var parameter in parameters)
                {
                    scope.Declare(parameter.Name);
                }

                DeclareAll(HoistedDeclarations.In([body]));
            },
            () => Visit(body));

    private void Read(Identifier identifier)
    {
        if (!_scope.Declares(identifier.Name))
        {
            var (line, column) = SourcePosition.Of(identifier);
            _names.Add(new ScriptName(identifier.Name, line, column));
        }
    }

    private void DeclareAll(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            _scope.Declare(name);
        }
    }

    private void InScope(Action<LexicalScope> declare, Action visit)
    {
        _scope = new LexicalScope(_scope);
        try
        {
            declare(_scope);
            visit();
        }
        finally
        {
            _scope = _scope.Parent!;
        }
    }
}
