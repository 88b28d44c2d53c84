using Jint;
using Jint.Native;
using Jint.Runtime.Interop;

namespace Workflows.Scripting.Guards;

/// <summary>
/// Wraps a native body in the checks every native call gets: the budget before (deadline, memory,
/// stack: a native that converts its receiver to a string can be installed as that receiver's
/// toString and recurse without any script frame in between), and memory and string length after.
/// </summary>
internal static class NativeGate
{
    public static ClrFunctionInstance Function(Engine engine, ExecutionBudget budget, NativeBody body, int length) =>
        new(engine, (thisObject, arguments) =>
        {
            budget.Step();
            var result = body(thisObject, arguments);
            budget.CheckMemory(0);
            return budget.CheckValue(result);
        }, length);
}
