using System.Runtime.CompilerServices;

namespace Workflows.Scripting.Guards;

/// <summary>
/// The address of the caller's stack frame. Stacks grow downwards on every platform .NET runs
/// on, so the difference between two probes is the stack used in between.
/// </summary>
internal static unsafe class StackProbe
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static nuint CurrentAddress()
    {
        byte marker = 0;
        return (nuint)(&marker);
    }
}
