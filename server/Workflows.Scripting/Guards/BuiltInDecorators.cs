using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Runtime;

namespace Workflows.Scripting.Guards;

/// <summary>
/// The built-in functions that need more than the common gate, by name: their cost depends on an
/// array length a script can set to 2³²−1 for free, they build output out of proportion to their
/// input, they run regular expressions, they recurse natively, or Jint's version is quadratic.
/// </summary>
internal sealed class BuiltInDecorators(Engine engine, ExecutionBudget budget, RegexTimeouts regexes)
{
    private readonly ArrayJoin _join = new(engine, budget);
    private readonly StringMethodGuards _strings = new(engine, budget, regexes);
    private readonly JsonGuards _json = new(engine, budget);

    public NativeBody Decorate(string name, NativeBody original) => name switch
    {
        // Jint's join and toLocaleString concatenate in a loop: 100 000 elements take seconds.
        "Array.prototype.join" => _join.Join,
        "Array.prototype.toLocaleString" => _join.ToLocaleString,
        "Array.prototype.concat" => Before(original, CheckConcat),
        "Array.prototype.push" or "Array.prototype.pop" => Before(original, (receiver, _) => budget.CheckArrayLength(ArrayLike.LengthOf(engine, receiver))),
        _ when name.StartsWith("Array.prototype.", StringComparison.Ordinal) => Before(original, ChargeForEveryElement),
        "Function.prototype.apply" => Before(original, (_, arguments) => ChargeForEveryElement(Arguments.At(arguments, 1), arguments)),
        "Function.prototype.bind" => Before(original, (receiver, _) => CheckBindingChain(receiver)),
        "Object.keys" or "Object.getOwnPropertyNames" => Before(original, (_, arguments) => ChargeForKeys(Arguments.At(arguments, 0))),
        "Object.create" => Before(original, (_, arguments) => CheckPrototypeChain(Arguments.At(arguments, 0))),
        "String.prototype.concat" => _strings.Concat,
        "String.prototype.split" => Before(original, _strings.BeforeSplit),
        "String.prototype.match" => _strings.Match(original),
        "String.prototype.search" => _strings.Search(original),
        "String.prototype.replace" => _strings.Replace(original),
        "RegExp.prototype.exec" or "RegExp.prototype.test" => Before(original, (receiver, _) => regexes.Apply(receiver)),
        "JSON.parse" => _json.Parse(original),
        "JSON.stringify" => _json.Stringify,
        _ => original,
    };

    private static NativeBody Before(NativeBody original, Action<JsValue, JsValue[]> check) =>
        (receiver, arguments) =>
        {
            check(receiver, arguments);
            return original(receiver, arguments);
        };

    /// <summary>Array methods walk 0..length−1 whether or not the elements exist.</summary>
    private void ChargeForEveryElement(JsValue arrayLike, JsValue[] arguments)
    {
        var length = ArrayLike.LengthOf(engine, arrayLike);
        budget.CheckArrayLength(length);
        budget.CheckMemory((long)length * NativeCost.BytesPerArrayElement);
    }

    private void CheckConcat(JsValue receiver, JsValue[] arguments)
    {
        var total = ArrayLike.LengthOf(engine, receiver);
        foreach (var argument in arguments)
        {
            total += argument.IsObject() && argument.AsObject().Class == "Array" ? ArrayLike.LengthOf(engine, argument) : 1;
        }

        budget.CheckArrayLength(total);
        budget.CheckMemory((long)total * NativeCost.BytesPerArrayElement);
    }

    /// <summary>
    /// Jint looks properties up the prototype chain recursively, and calls through bound functions
    /// recursively, without a script frame in between: a chain thousands long built in a loop
    /// would overflow the stack on first use.
    /// </summary>
    private void CheckPrototypeChain(JsValue prototype)
    {
        var depth = 0;
        for (var link = prototype.IsObject() ? prototype.AsObject() : null; link is not null; link = link.Prototype)
        {
            budget.CheckNesting(++depth);
        }
    }

    private void CheckBindingChain(JsValue target)
    {
        var depth = 0;
        for (var link = target; link.IsObject() && link.AsObject() is BindFunctionInstance bound; link = bound.TargetFunction)
        {
            budget.CheckNesting(++depth + 1);
        }
    }

    private void ChargeForKeys(JsValue target)
    {
        if (!target.IsObject())
        {
            return;
        }

        var keys = target.AsObject() switch
        {
            var array when array.Class == "Array" => ArrayLike.LengthOf(engine, target),
            var boxed when boxed.Class == "String" => TypeConverter.ToString(target).Length,
            var other => other.GetOwnProperties().Count(),
        };
        budget.CheckMemory((long)keys * NativeCost.BytesPerStringPiece);
    }
}
