using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime.Descriptors;

namespace Workflows.Scripting.Guards;

/// <summary>
/// Replaces every function of the built-in objects with a gated one (<see cref="NativeGate"/>),
/// decorated where the function needs more (<see cref="BuiltInDecorators"/>). Constructors are
/// left alone (Array and RegExp are guarded by <see cref="ConstructorGuards"/>).
/// </summary>
internal static class NativeFunctionGuards
{
    public static void Install(Engine engine, ExecutionBudget budget, RegexTimeouts regexes)
    {
        var decorators = new BuiltInDecorators(engine, budget, regexes);
        foreach (var (ownerName, owner) in BuiltInObjects(engine))
        {
            foreach (var (name, descriptor) in owner.GetOwnProperties().ToList())
            {
                if (descriptor.Value is not { } value || !value.IsObject() || value.AsObject() is not ICallable original || original is IConstructor)
                {
                    continue;
                }

                var body = decorators.Decorate($"{ownerName}.{name}", original.Call);
                var length = (int)Jint.Runtime.TypeConverter.ToInteger(value.AsObject().Get("length"));
                owner.FastSetProperty(name, new PropertyDescriptor(
                    NativeGate.Function(engine, budget, body, length),
                    descriptor.Writable,
                    descriptor.Enumerable,
                    descriptor.Configurable));
            }
        }
    }

    private static IEnumerable<(string Name, ObjectInstance Owner)> BuiltInObjects(Engine engine) =>
    [
        ("global", engine.Global),
        ("Object", engine.Object),
        ("Object.prototype", engine.Object.PrototypeObject),
        ("Function.prototype", engine.Function.PrototypeObject),
        ("Array", engine.Array),
        ("Array.prototype", engine.Array.PrototypeObject),
        ("String", engine.String),
        ("String.prototype", engine.String.PrototypeObject),
        ("Boolean.prototype", engine.Boolean.PrototypeObject),
        ("Number", engine.Number),
        ("Number.prototype", engine.Number.PrototypeObject),
        ("Date", engine.Date),
        ("Date.prototype", engine.Date.PrototypeObject),
        ("RegExp.prototype", engine.RegExp.PrototypeObject),
        ("Error.prototype", engine.Error.PrototypeObject),
        ("Math", engine.Math),
        ("JSON", engine.Json),
    ];
}
