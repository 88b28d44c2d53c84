using Jint;
using Jint.Native;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using Workflows.Domain;

namespace Workflows.Scripting.Helpers;

/// <summary>
/// What the helpers of one evaluation are installed with, and how they become globals: writable
/// and configurable like the built-ins (a script's own <c>var age</c> then simply shadows the helper
/// instead of silently failing to assign), and confined to this evaluation's engine anyway.
/// </summary>
internal sealed class HelperScope(Engine engine, WorkingCalendar calendar, DateOnly today)
{
    public WorkingCalendar Calendar { get; } = calendar;

    public DateOnly Today { get; } = today;

    public void Constant(string name, JsValue value) => Define(engine.Global, name, value);

    public void Function(string name, int length, Func<JsValue[], JsValue> body) =>
        Define(engine.Global, name, Native(name, length, body));

    public void Namespace(string name, params (string Member, int Length, Func<JsValue[], JsValue> Body)[] members)
    {
        var container = new JsObject(engine);
        foreach (var (member, length, body) in members) Define(container, member, Native(member, length, body));
        Define(engine.Global, name, container);
    }

    private static void Define(Jint.Native.Object.ObjectInstance target, string name, JsValue value) =>
        target.FastSetProperty(name, new PropertyDescriptor(value, writable: true, enumerable: false, configurable: true));

    private ClrFunction Native(string name, int length, Func<JsValue[], JsValue> body) =>
        new(engine, name, (_, arguments) => body(arguments), length, PropertyFlag.Configurable);
}
