using Acornima.Ast;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// Whether a script is a plain expression over the data: literals, names, member reads,
/// operators and calls of the sandbox's helpers, as nearly every condition is
/// (<c>form.byAgent == true &amp;&amp; age(applicant.idNumber) &gt;= 60</c>). Such a script calls no
/// built-in method, assigns nothing and defines no function, so it can neither grow a string
/// inside a native call nor make a built-in call itself; the engine runs it without
/// <see cref="Runtime.NativeCallGuard"/> (wrapping the built-ins costs more than the evaluation).
/// Implicit conversions it may cause (<c>form.list + ''</c>) work on the request's data, whose
/// size and depth are already bounded. Everything else gets the guard.
/// </summary>
internal static class PlainExpression
{
    public static bool Is(Script script) =>
        script.Body.Count == 1 && script.Body[0] is ExpressionStatement { Expression: { } expression } && IsPlain(expression);

    private static bool IsPlain(Node? node) => node switch
    {
        null => true,
        Literal literal => literal is not RegExpLiteral,
        Identifier => true,
        MemberExpression member => IsPlain(member.Object) && IsPlain(member.Property),
        UnaryExpression unary => AllPlain(unary),
        BinaryExpression or LogicalExpression or ConditionalExpression or ArrayExpression => AllPlain(node),
        CallExpression call => IsHelper(call.Callee) && call.Arguments.All(IsPlain),
        _ => false,
    };

    private static bool AllPlain(Node node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (!IsPlain(child)) return false;
        }
        return true;
    }

    /// <summary><c>age(…)</c> or <c>idcard.valid(…)</c> and the like: the sandbox's own natives.</summary>
    private static bool IsHelper(Node callee) => callee switch
    {
        Identifier { Name: "age" } => true,
        MemberExpression { Computed: false, Object: Identifier helper, Property: Identifier member } =>
            ScriptVocabulary.HelperMembers.TryGetValue(helper.Name, out var members) && members.Contains(member.Name),
        _ => false,
    };
}
