using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;

namespace Workflows.Scripting.Guards;

/// <summary>
/// Stands in for a global constructor (Array, RegExp) so that its arguments are checked before
/// the original runs, whether called with or without <c>new</c>. The prototype object is the
/// original's, so instanceof, literals and the objects built-in methods create are unaffected.
/// </summary>
internal sealed class GuardedConstructor : FunctionInstance, IConstructor
{
    private readonly FunctionInstance _original;
    private readonly ExecutionBudget _budget;
    private readonly Func<JsValue[], JsValue[]> _checkArguments;

    private GuardedConstructor(Engine engine, FunctionInstance original, ObjectInstance prototype, ExecutionBudget budget, Func<JsValue[], JsValue[]> checkArguments)
        : base(engine, [], null, false)
    {
        _original = original;
        _budget = budget;
        _checkArguments = checkArguments;
        Prototype = engine.Function.PrototypeObject;
        Extensible = true;
        FastAddProperty("length", original.Get("length"), false, false, false);
        FastAddProperty("prototype", prototype, false, false, false);
    }

    /// <summary>
    /// Replaces the global <paramref name="name"/> and the prototype's constructor. Call after
    /// <see cref="NativeFunctionGuards.Install"/>, so the statics copied over are already gated.
    /// The check validates the arguments and returns the ones to pass on, converted once where
    /// converting twice could run script code twice.
    /// </summary>
    public static void Install(Engine engine, ExecutionBudget budget, string name, ObjectInstance prototype, Func<JsValue[], JsValue[]> checkArguments)
    {
        var original = (FunctionInstance)engine.Global.Get(name).AsObject();
        var guarded = new GuardedConstructor(engine, original, prototype, budget, checkArguments);
        foreach (var (property, descriptor) in original.GetOwnProperties().Where(property => property.Key is not ("length" or "prototype")).ToList())
        {
            guarded.FastSetProperty(property, new PropertyDescriptor(descriptor));
        }

        engine.Global.FastSetProperty(name, new PropertyDescriptor(guarded, true, false, true));
        prototype.FastSetProperty("constructor", new PropertyDescriptor(guarded, true, false, true));
    }

    public override JsValue Call(JsValue thisObject, JsValue[] arguments)
    {
        _budget.Step();
        return _original.Call(thisObject, _checkArguments(arguments));
    }

    public ObjectInstance Construct(JsValue[] arguments)
    {
        _budget.Step();
        return ((IConstructor)_original).Construct(_checkArguments(arguments));
    }

    public override bool HasInstance(JsValue value) => _original.HasInstance(value);
}
