using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Parser.Ast;
using Workflows.Scripting.Guards;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// Conditions of the everyday shape (data fields compared with literals, joined by <c>&amp;&amp;</c>,
/// <c>||</c> and <c>!</c>, such as <c>applicant.type == 'person'</c> or
/// <c>form.byAgent == true &amp;&amp; form.age &gt;= 60</c>) answered straight from the JSON data,
/// without building a Jint engine (a checklist evaluates one condition per material, on every
/// intake command). The shape is recognised once, at compile time. Wherever JavaScript would
/// coerce between types, reach the object prototype, throw, or meet data nested past the limit,
/// <see cref="Evaluate"/> answers null and the caller runs the script in the sandbox as before,
/// so the answer is always the engine's.
/// </summary>
internal sealed class FastCondition
{
    // Object.prototype members (ES5 and Jint's extras): reading them from a data object is not undefined.
    private static readonly HashSet<string> PrototypeNames = new(StringComparer.Ordinal)
    {
        "constructor", "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf",
        "propertyIsEnumerable", "__proto__", "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    };

    private readonly Expression _expression;

    private FastCondition(Expression expression) => _expression = expression;

    /// <summary>The fast form of a compiled program, or null when it is not of the supported shape.</summary>
    public static FastCondition? TryCreate(Program program) =>
        program.Body.Count() == 1 && program.Body.First() is ExpressionStatement { Expression: { } expression } && IsCondition(expression)
            ? new FastCondition(expression)
            : null;

    /// <summary>The condition's truthiness, or null: run it in the sandbox instead.</summary>
    public bool? Evaluate(JsonObject? data, ScriptLimits limits)
    {
        if (data is not null)
        {
            foreach (var (_, node) in data)
            {
                if (node is not null && JsonNesting.DepthOf(node.ToJsonString()) > limits.MaxRecursionDepth) return null;
            }
        }
        try
        {
            return Truthy(_expression, data);
        }
        catch (FallBack)
        {
            return null;
        }
    }

    private static bool IsCondition(Expression expression) => expression switch
    {
        LogicalExpression logical => IsCondition(logical.Left) && IsCondition(logical.Right),
        UnaryExpression { Operator: UnaryOperator.LogicalNot } not => IsCondition(not.Argument),
        BinaryExpression binary => binary.Operator is BinaryOperator.Equal or BinaryOperator.NotEqual or BinaryOperator.StrictlyEqual
            or BinaryOperator.StricltyNotEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual or BinaryOperator.Less
            or BinaryOperator.LessOrEqual && IsOperand(binary.Left) && IsOperand(binary.Right),
        _ => IsOperand(expression),
    };

    private static bool IsOperand(Expression expression) => expression switch
    {
        Literal literal => literal.Type == SyntaxNodes.Literal && literal.Value is null or string or bool or double or int or long,
        MemberExpression member => IsPath(member),
        _ => false,
    };

    private static bool IsPath(MemberExpression member) =>
        KeyOf(member) is not null && member.Object switch
        {
            Identifier root => ScriptVocabulary.DataRoots.Contains(root.Name),
            MemberExpression inner => IsPath(inner),
            _ => false,
        };

    private static string? KeyOf(MemberExpression member) => member switch
    {
        { Computed: false, Property: Identifier property } => property.Name,
        { Computed: true, Property: Literal { Value: string key } } => key,
        _ => null,
    };

    private static bool Truthy(Expression expression, JsonObject? data) => expression switch
    {
        LogicalExpression { Operator: LogicalOperator.LogicalAnd } and => Truthy(and.Left, data) && Truthy(and.Right, data),
        LogicalExpression or => Truthy(or.Left, data) || Truthy(or.Right, data),
        UnaryExpression not => !Truthy(not.Argument, data),
        BinaryExpression binary => Compare(binary.Operator, ValueOf(binary.Left, data), ValueOf(binary.Right, data)),
        _ => ValueOf(expression, data).Truthy,
    };

    private static bool Compare(BinaryOperator op, Value left, Value right)
    {
        switch (op)
        {
            case BinaryOperator.Equal: return LooseEquals(left, right);
            case BinaryOperator.NotEqual: return !LooseEquals(left, right);
            case BinaryOperator.StrictlyEqual: return StrictEquals(left, right);
            case BinaryOperator.StricltyNotEqual: return !StrictEquals(left, right);
        }
        var order = (left.Kind, right.Kind) switch
        {
            (Kind.Number, Kind.Number) => left.Number.CompareTo(right.Number),
            (Kind.String, Kind.String) => string.CompareOrdinal(left.Text, right.Text),
            _ => throw new FallBack(),
        };
        return op switch
        {
            BinaryOperator.Greater => order > 0,
            BinaryOperator.GreaterOrEqual => order >= 0,
            BinaryOperator.Less => order < 0,
            _ => order <= 0,
        };
    }

    private static bool LooseEquals(Value left, Value right)
    {
        if (left.IsNullish || right.IsNullish) return left.IsNullish && right.IsNullish;
        if (left.Kind != right.Kind || left.Kind == Kind.Other) throw new FallBack(); // coercion or identity
        return SamePrimitive(left, right);
    }

    private static bool StrictEquals(Value left, Value right)
    {
        if (left.Kind == Kind.Other && right.Kind == Kind.Other) throw new FallBack(); // identity
        return left.Kind == right.Kind && (left.IsNullish || SamePrimitive(left, right));
    }

    private static bool SamePrimitive(Value left, Value right) => left.Kind switch
    {
        Kind.Bool => left.Flag == right.Flag,
        Kind.Number => left.Number == right.Number,
        Kind.String => string.Equals(left.Text, right.Text, StringComparison.Ordinal),
        _ => false,
    };

    private static Value ValueOf(Expression expression, JsonObject? data) => expression switch
    {
        Literal { Value: null } => Value.Null,
        Literal { Value: string text } => Value.Of(text),
        Literal { Value: bool flag } => Value.Of(flag),
        Literal { Value: double number } => Value.Of(number),
        Literal { Value: int number } => Value.Of(number),
        Literal { Value: long number } => Value.Of(number),
        MemberExpression member => Lookup(member, data),
        _ => throw new FallBack(),
    };

    private static Value Lookup(MemberExpression member, JsonObject? data)
    {
        var key = KeyOf(member)!;
        JsonNode? container;
        if (member.Object is Identifier root)
        {
            // An absent root is an empty object (ScriptData); a present null one throws in JavaScript.
            if (data is null || !data.TryGetPropertyValue(root.Name, out container)) container = new JsonObject();
        }
        else
        {
            var inner = Lookup((MemberExpression)member.Object, data);
            container = inner.Kind == Kind.Other ? inner.Node : null;
        }
        // Reading a property of undefined or null throws; of a string, number or array it reaches
        // their prototypes: the sandbox decides.
        if (container is not JsonObject obj) throw new FallBack();
        if (!obj.TryGetPropertyValue(key, out var node)) return PrototypeNames.Contains(key) ? throw new FallBack() : Value.Undefined;
        return node switch
        {
            null => Value.Null,
            JsonObject or JsonArray => Value.OfNode(node),
            JsonValue value => value.GetValueKind() switch
            {
                JsonValueKind.String when value.TryGetValue<string>(out var text) => Value.Of(text),
                JsonValueKind.Number when value.TryGetValue<double>(out var number) => Value.Of(number),
                JsonValueKind.True => Value.Of(true),
                JsonValueKind.False => Value.Of(false),
                _ => throw new FallBack(),
            },
            _ => throw new FallBack(),
        };
    }

    private enum Kind { Undefined, Null, Bool, Number, String, Other }

    private readonly record struct Value(Kind Kind, bool Flag = false, double Number = 0, string? Text = null, JsonNode? Node = null)
    {
        public static Value Undefined => new(Kind.Undefined);
        public static Value Null => new(Kind.Null);
        public static Value Of(bool flag) => new(Kind.Bool, Flag: flag);
        public static Value Of(double number) => new(Kind.Number, Number: number);
        public static Value Of(string text) => new(Kind.String, Text: text);
        public static Value OfNode(JsonNode node) => new(Kind.Other, Node: node);

        public bool IsNullish => Kind is Kind.Undefined or Kind.Null;

        public bool Truthy => Kind switch
        {
            Kind.Bool => Flag,
            Kind.Number => Number != 0 && !double.IsNaN(Number),
            Kind.String => Text!.Length > 0,
            Kind.Other => true,
            _ => false,
        };
    }

    private sealed class FallBack : Exception;
}
