using Jint;
using Jint.Native;
using Workflows.Domain;
using Workflows.Scripting.Guards;

namespace Workflows.Scripting.Helpers;

/// <summary>
/// What the helpers of one evaluation are installed with, and how they become globals: writable
/// and configurable like the built-ins (a script's own <c>var age</c> then simply shadows the helper
/// instead of silently failing to assign), and confined to this evaluation's engine anyway.
/// </summary>
internal sealed class HelperScope(Engine engine, ExecutionBudget budget, WorkingCalendar calendar, DateOnly today)
{
    public WorkingCalendar Calendar { get; } = calendar;

    public DateOnly Today { get; } = today;

    public void Constant(string name, JsValue value) =>
        engine.Global.FastAddProperty(name, value, true, false, true);

    public void Function(string name, int length, Func<JsValue[], JsValue> body) =>
        engine.Global.FastAddProperty(name, Native(length, body), true, false, true);

    public void Namespace(string name, params (string Member, int Length, Func<JsValue[], JsValue> Body)[] members)
    {
        var container = engine.Object.Construct(Jint.Runtime.Arguments.Empty);
        foreach (var (member, length, body) in members)
        {
            container.FastAddProperty(member, Native(length, body), true, false, true);
        }

        engine.Global.FastAddProperty(name, container, true, false, true);
    }

    private JsValue Native(int length, Func<JsValue[], JsValue> body) =>
        NativeGate.Function(engine, budget, (_, arguments) => body(arguments), length);
}
