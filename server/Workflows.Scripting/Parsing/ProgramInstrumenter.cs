using Jint.Native;
using Jint.Parser.Ast;
using Workflows.Scripting.Runtime;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// Rewrites a parsed program so that the guards get control where Jint 2.10.4 gives none:
/// every loop test goes through <see cref="InjectedNames.LoopCheck"/>, every function body starts
/// with <see cref="InjectedNames.CallCheck"/>, every <c>+</c> and <c>+=</c> result goes through
/// <see cref="InjectedNames.SizeCheck"/>, and regular expression literals become calls to
/// <see cref="InjectedNames.RegExpFactory"/>. Checking per loop iteration and per call (rather
/// than per statement with Jint's debugger hook, which allocates ~5 KB and costs ~20 µs per step)
/// keeps normal scripts fast, and checking each concatenation also catches growth inside a single
/// statement such as <c>s += s, s += s, …</c>.
/// <para>
/// It also makes the tree safe to share between threads. Jint writes caches into the tree while
/// it runs (literal values, call arguments, label sets); a regular expression literal cached that
/// way is even shared between engines. Every such cache is filled in here, before the tree is
/// published, and argument caching is switched off, so execution only ever reads the tree.
/// </para>
/// </summary>
internal sealed class ProgramInstrumenter
{
    private readonly HashSet<Statement> _instrumentedBodies = new(ReferenceEqualityComparer.Instance);

    private ProgramInstrumenter()
    {
    }

    public static void Instrument(Program program)
    {
        var instrumenter = new ProgramInstrumenter();
        foreach (var statement in program.Body)
        {
            instrumenter.Visit(statement);
        }
    }

    private void Visit(Statement? statement)
    {
        switch (statement)
        {
            case null:
            case EmptyStatement or BreakStatement or ContinueStatement or DebuggerStatement:
                return;
            case BlockStatement block:
                VisitAll(block.Body);
                return;
            case ExpressionStatement expressionStatement:
                expressionStatement.Expression = Rewrite(expressionStatement.Expression);
                return;
            case VariableDeclaration declaration:
                VisitDeclaration(declaration);
                return;
            case IfStatement ifStatement:
                ifStatement.Test = Rewrite(ifStatement.Test);
                Visit(ifStatement.Consequent);
                Visit(ifStatement.Alternate);
                return;
            case WhileStatement loop:
                loop.Test = CallInjected(InjectedNames.LoopCheck, Rewrite(loop.Test));
                Visit(loop.Body);
                return;
            case DoWhileStatement loop:
                Visit(loop.Body);
                loop.Test = CallInjected(InjectedNames.LoopCheck, Rewrite(loop.Test));
                return;
            case ForStatement loop:
                VisitForInit(loop);
                loop.Test = CallInjected(InjectedNames.LoopCheck, loop.Test is null ? TrueLiteral(loop) : Rewrite(loop.Test));
                loop.Update = RewriteOptional(loop.Update);
                Visit(loop.Body);
                return;
            case ForInStatement loop:
                // No test to wrap: the iterations are bounded by the object's keys, and the body's
                // statements, calls and concatenations are counted and checked anyway.
                if (loop.Left is VariableDeclaration leftDeclaration)
                {
                    VisitDeclaration(leftDeclaration);
                }
                else
                {
                    loop.Left = RewriteReference((Expression)loop.Left);
                }

                loop.Right = Rewrite(loop.Right);
                Visit(loop.Body);
                return;
            case ReturnStatement returnStatement:
                returnStatement.Argument = RewriteOptional(returnStatement.Argument);
                return;
            case ThrowStatement throwStatement:
                throwStatement.Argument = Rewrite(throwStatement.Argument);
                return;
            case TryStatement tryStatement:
                Visit(tryStatement.Block);
                foreach (var handler in (tryStatement.GuardedHandlers ?? []).Concat(tryStatement.Handlers ?? []).OfType<CatchClause>())
                {
                    Visit(handler.Body);
                }

                Visit(tryStatement.Finalizer);
                return;
            case SwitchStatement switchStatement:
                switchStatement.Discriminant = Rewrite(switchStatement.Discriminant);
                foreach (var switchCase in switchStatement.Cases)
                {
                    switchCase.Test = RewriteOptional(switchCase.Test);
                    VisitAll(switchCase.Consequent);
                }

                return;
            case LabelledStatement labelled:
                // Jint assigns this while executing; assigning it now keeps execution read-only.
                labelled.Body.LabelSet = labelled.Label.Name;
                Visit(labelled.Body);
                return;
            case FunctionDeclaration function:
                InstrumentFunctionBody(function.Body);
                return;
            default:
                throw Unsupported(statement);
        }
    }

    private void VisitAll(IEnumerable<Statement> statements)
    {
        foreach (var statement in statements)
        {
            Visit(statement);
        }
    }

    private void VisitDeclaration(VariableDeclaration declaration)
    {
        foreach (var declarator in declaration.Declarations)
        {
            declarator.Init = RewriteOptional(declarator.Init);
        }
    }

    private void VisitForInit(ForStatement loop)
    {
        switch (loop.Init)
        {
            case VariableDeclaration declaration:
                VisitDeclaration(declaration);
                break;
            case Expression expression:
                loop.Init = Rewrite(expression);
                break;
        }
    }

    private void InstrumentFunctionBody(Statement body)
    {
        if (body is not BlockStatement block || !_instrumentedBodies.Add(block))
        {
            return;
        }

        VisitAll(block.Body);
        var entryCheck = new ExpressionStatement
        {
            Type = SyntaxNodes.ExpressionStatement,
            Expression = CallInjected(InjectedNames.CallCheck, argument: null, at: block),
            Location = block.Location,
            Range = block.Range,
        };
        block.Body = [entryCheck, .. block.Body];
    }

    private Expression? RewriteOptional(Expression? expression) => expression is null ? null : Rewrite(expression);

    private Expression Rewrite(Expression expression)
    {
        switch (expression)
        {
            case Identifier or ThisExpression:
                return expression;
            case Literal literal when literal.Type == SyntaxNodes.RegularExpressionLiteral:
                return CallInjected(InjectedNames.RegExpFactory, StringLiteral(literal.Raw, literal));
            case Literal literal:
                FillValueCache(literal);
                return literal;
            case BinaryExpression binary:
                binary.Left = Rewrite(binary.Left);
                binary.Right = Rewrite(binary.Right);
                return binary.Operator == BinaryOperator.Plus ? CallInjected(InjectedNames.SizeCheck, binary) : binary;
            case AssignmentExpression assignment:
                assignment.Left = RewriteReference(assignment.Left);
                assignment.Right = Rewrite(assignment.Right);
                return assignment.Operator == AssignmentOperator.PlusAssign ? CallInjected(InjectedNames.SizeCheck, assignment) : assignment;
            case LogicalExpression logical:
                logical.Left = Rewrite(logical.Left);
                logical.Right = Rewrite(logical.Right);
                return logical;
            case ConditionalExpression conditional:
                conditional.Test = Rewrite(conditional.Test);
                conditional.Consequent = Rewrite(conditional.Consequent);
                conditional.Alternate = Rewrite(conditional.Alternate);
                return conditional;
            case UnaryExpression unary:
                // delete, typeof, ++ and -- need a reference, not a value.
                unary.Argument = RewriteReference(unary.Argument);
                return unary;
            case CallExpression call:
                // The callee keeps its shape so that obj.method() still binds this to obj.
                call.Callee = RewriteReference(call.Callee);
                call.Arguments = call.Arguments.Select(Rewrite).ToList();
                call.CanBeCached = false;
                return call;
            case NewExpression construction:
                construction.Callee = RewriteReference(construction.Callee);
                construction.Arguments = construction.Arguments.Select(Rewrite).ToList();
                return construction;
            case MemberExpression member:
                return RewriteReference(member);
            case ArrayExpression array:
                array.Elements = array.Elements.Select(element => element is null ? null! : Rewrite(element)).ToList();
                return array;
            case ObjectExpression objectLiteral:
                foreach (var property in objectLiteral.Properties)
                {
                    property.Value = Rewrite(property.Value);
                }

                return objectLiteral;
            case SequenceExpression sequence:
                sequence.Expressions = sequence.Expressions.Select(Rewrite).ToList();
                return sequence;
            case FunctionExpression function:
                InstrumentFunctionBody(function.Body);
                return function;
            default:
                throw Unsupported(expression);
        }
    }

    /// <summary>Rewrites inside an expression whose reference matters (assignment target, callee, typeof operand) without wrapping it.</summary>
    private Expression RewriteReference(Expression expression)
    {
        switch (expression)
        {
            case Identifier:
                return expression;
            case MemberExpression member:
                member.Object = Rewrite(member.Object);
                if (member.Computed)
                {
                    member.Property = Rewrite(member.Property);
                }

                return member;
            default:
                return Rewrite(expression);
        }
    }

    private static CallExpression CallInjected(string name, Expression argument) => CallInjected(name, argument, argument);

    private static CallExpression CallInjected(string name, Expression? argument, SyntaxNode at) => new()
    {
        Type = SyntaxNodes.CallExpression,
        Callee = new Identifier { Type = SyntaxNodes.Identifier, Name = name, Location = at.Location, Range = at.Range },
        Arguments = argument is null ? [] : [argument],
        CanBeCached = false,
        Location = at.Location,
        Range = at.Range,
    };

    private static Literal TrueLiteral(SyntaxNode at) => new()
    {
        Type = SyntaxNodes.Literal,
        Value = true,
        Raw = "true",
        Cached = true,
        CachedValue = JsValue.True,
        Location = at.Location,
        Range = at.Range,
    };

    private static Literal StringLiteral(string value, SyntaxNode at) => new()
    {
        Type = SyntaxNodes.Literal,
        Value = value,
        Raw = value,
        Cached = true,
        CachedValue = new JsValue(value),
        Location = at.Location,
        Range = at.Range,
    };

    /// <summary>Stores the value Jint would cache on first evaluation, so that evaluation never writes it.</summary>
    private static void FillValueCache(Literal literal)
    {
        if (literal.Cached)
        {
            return;
        }

        JsValue? value = literal.Value switch
        {
            null => JsValue.Null,
            string text => new JsValue(text),
            bool flag => flag ? JsValue.True : JsValue.False,
            double number => new JsValue(number),
            long number => new JsValue(number),
            int number => new JsValue(number),
            _ => null,
        };

        if (value is not null)
        {
            literal.CachedValue = value;
            literal.Cached = true;
        }
    }

    private static ScriptException Unsupported(SyntaxNode node)
    {
        var (line, column) = SourcePosition.Of(node);
        return ScriptErrors.Syntax($"不支持的语法 (unsupported syntax): {node.Type}", line, column);
    }
}
