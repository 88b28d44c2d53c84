using Acornima.Ast;
using Workflows.Scripting.Parsing;

namespace Workflows.Scripting.Analysis;

/// <summary>
/// Walks a parsed script (Acornima's ES5 tree) with ES5 scoping and records the names it reads
/// without declaring them, the members it reads from those names (<c>form.x</c>, <c>form['x']</c>),
/// and every reflective member access (<see cref="ScriptReflection"/>).
/// Names that are not references are skipped: property names after a dot, object literal keys,
/// labels, and the declared names themselves. A plain assignment <c>x = 1</c> writes x without
/// reading it, so it is not reported.
/// </summary>
internal sealed class FreeNameCollector
{
    /// <summary>Members that lead from any value to a constructor (and so to Function) or a prototype.</summary>
    private static readonly HashSet<string> ReflectiveNames = new(StringComparer.Ordinal)
    {
        "constructor", "prototype", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    private readonly List<ScriptName> _names = [];
    private readonly List<ScriptMember> _members = [];
    private readonly List<ScriptReflection> _reflections = [];
    private LexicalScope _scope = new(parent: null);

    private FreeNameCollector()
    {
    }

    public static ScriptAnalysis Collect(Script program)
    {
        var collector = new FreeNameCollector();
        collector.DeclareAll(HoistedDeclarations.In(program.Body));
        foreach (var statement in program.Body) collector.Visit(statement);

        return new ScriptAnalysis(
            SyntaxError: null,
            collector._names.OrderBy(name => name.Line).ThenBy(name => name.Column).ToList(),
            collector._members.OrderBy(member => member.Line).ThenBy(member => member.Column).ToList(),
            collector._reflections.OrderBy(member => member.Line).ThenBy(member => member.Column).ToList());
    }

    private void Visit(Node? node)
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
            case AssignmentExpression { Left: Identifier } assignment when AssignmentExpression.OperatorToString(assignment.Operator) == "=":
                Visit(assignment.Right);
                return;
            case VariableDeclarator declarator:
                Visit(declarator.Init);
                return;
            case Property property:
                if (property.Computed) Visit(property.Key);
                Visit(property.Value);
                return;
            case LabeledStatement labelled:
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
                InScope(scope => { if (clause.Param is Identifier param) scope.Declare(param.Name); }, () => Visit(clause.Body));
                return;
            case FunctionDeclaration function:
                VisitFunction(function.Params, function.Body, ownName: null);
                return;
            case FunctionExpression function:
                VisitFunction(function.Params, function.Body, function.Id?.Name);
                return;
            default:
                foreach (var child in node.ChildNodes) Visit(child);
                return;
        }
    }

    private void VisitMember(MemberExpression member)
    {
        Visit(member.Object);
        if (member.Computed) Visit(member.Property);

        var name = MemberName(member);
        var (line, column) = SourcePosition.Of(member.Property);
        if (name is not null ? ReflectiveNames.Contains(name) : !IsData(member.Object))
            _reflections.Add(new ScriptReflection(name, line, column));

        if (member.Object is Identifier root && !_scope.Declares(root.Name) && name is not null)
            _members.Add(new ScriptMember(root.Name, name, line, column));
    }

    /// <summary>The member's name when it is written out (<c>a.b</c>, <c>a['b']</c>, <c>a[0]</c>), else null.</summary>
    private static string? MemberName(MemberExpression member) => member switch
    {
        { Computed: false, Property: Identifier property } => property.Name,
        { Computed: true, Property: StringLiteral key } => key.Value,
        { Computed: true, Property: NumericLiteral key } => key.Raw,
        _ => null,
    };

    /// <summary>
    /// The evaluation's data (form, applicant, materials, case, and members of them): plain JSON,
    /// where a computed key such as <c>form.rows[i]</c> can only reach data or the prototypes'
    /// methods, which the sandbox's engine keeps from compiling code.
    /// </summary>
    private bool IsData(Expression expression) => expression switch
    {
        Identifier root => ScriptVocabulary.DataRoots.Contains(root.Name) && !_scope.Declares(root.Name),
        MemberExpression inner => IsData(inner.Object),
        _ => false,
    };

    private void VisitFunction(in NodeList<Node> parameters, Node body, string? ownName)
    {
        var names = parameters.OfType<Identifier>().Select(p => p.Name).ToList();
        InScope(
            scope =>
            {
                if (ownName is not null) scope.Declare(ownName);
                scope.Declare("arguments");
                foreach (var name in names) scope.Declare(name);
                DeclareAll(HoistedDeclarations.In([body]));
            },
            () => Visit(body));
    }

    private void Read(Identifier identifier)
    {
        if (_scope.Declares(identifier.Name)) return;
        var (line, column) = SourcePosition.Of(identifier);
        _names.Add(new ScriptName(identifier.Name, line, column));
    }

    private void DeclareAll(IEnumerable<string> names)
    {
        foreach (var name in names) _scope.Declare(name);
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
