using System.Diagnostics;
using System.Runtime.CompilerServices;
using Jint.Native;

namespace Workflows.Scripting.Guards;

/// <summary>
/// What one evaluation has used so far, and the checks that stop it. Jint 2.10.4 counts statements,
/// time and same-function recursion itself; this adds what it lacks: memory (the thread's
/// allocation counter), stack depth (a chain of distinct closures slips past Jint's recursion
/// count and would overflow the stack, which kills the process), string and array sizes, and the
/// deadline inside native calls, where Jint does not look at the clock.
/// The checks run at every loop iteration, function entry and native call (see
/// <see cref="Parsing.ProgramInstrumenter"/> and <see cref="NativeFunctionGuards"/>).
/// </summary>
internal sealed class ExecutionBudget(ScriptLimits limits)
{
    // Stack one evaluation may use below the point where it started. Between two checks the
    // stack grows by at most one expression (syntax depth is bounded when parsing) plus one call,
    // so this leaves ample room on a 1.5 MB thread-pool stack.
    private const long MaxStackBytes = 512 * 1024;

    // Jint 2.10.4 allocates a few hundred bytes of garbage for every statement and call it
    // executes. Each step (loop iteration, call, native call) writes off this much of that
    // overhead, so a long but frugal loop ends with the timeout or the statement limit, and the
    // memory limit is left to scripts whose data actually grows.
    private const long InterpreterOverheadPerStep = 1024;

    private long _steps;
    private long _startTimestamp;
    private long _allocatedAtStart;
    private nuint _stackAtStart;

    public ScriptLimits Limits { get; } = limits;

    /// <summary>Bytes allocated since <see cref="Start"/>, less the interpreter overhead written off per step.</summary>
    public long AllocatedBytes =>
        GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart - _steps * InterpreterOverheadPerStep;

    public TimeSpan Remaining => Limits.Timeout - Stopwatch.GetElapsedTime(_startTimestamp);

    /// <summary>Starts the clock and the counters; called right before the script runs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Start()
    {
        _startTimestamp = Stopwatch.GetTimestamp();
        _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        _stackAtStart = StackProbe.CurrentAddress();
    }

    /// <summary>
    /// One step of the script (a loop iteration, a call, a native call): writes off the
    /// interpreter's overhead for it, then <see cref="Check"/>.
    /// </summary>
    public void Step()
    {
        _steps++;
        Check();
    }

    /// <summary>All the cheap checks: deadline, memory, stack. Native code calls it while it works.</summary>
    public void Check()
    {
        CheckDeadline();
        CheckMemory(0);
        CheckStack();
    }

    public void CheckDeadline()
    {
        if (Remaining <= TimeSpan.Zero)
        {
            throw new LimitExceededException(LimitKind.Timeout);
        }
    }

    /// <summary>
    /// Fails when what is already allocated plus what a native call is about to allocate would
    /// pass the budget. Checking before the call matters: Jint cannot be interrupted inside one.
    /// </summary>
    public void CheckMemory(long aboutToAllocate)
    {
        var total = AllocatedBytes + Math.Max(0, aboutToAllocate);
        if (total > Limits.MaxAllocatedBytes)
        {
            throw new LimitExceededException(LimitKind.Memory, $"{total} bytes");
        }
    }

    public void CheckStack()
    {
        var used = (long)(_stackAtStart - StackProbe.CurrentAddress());
        if (used > MaxStackBytes || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new LimitExceededException(LimitKind.Stack, $"{used} bytes");
        }
    }

    public void CheckArrayLength(double length)
    {
        if (length > Limits.MaxArrayLength)
        {
            throw new LimitExceededException(LimitKind.ArrayLength, $"{length}");
        }
    }

    public void CheckStringLength(long length)
    {
        if (length > Limits.MaxStringLength)
        {
            throw new LimitExceededException(LimitKind.StringLength, $"{length}");
        }
    }

    /// <summary>Passes the value through, failing if it is a string longer than the limit.</summary>
    public JsValue CheckValue(JsValue value)
    {
        if (value.IsString())
        {
            CheckStringLength(value.AsString().Length);
        }

        return value;
    }

    /// <summary>Fails when native code is about to walk data nested deeper than allowed.</summary>
    public void CheckNesting(int depth)
    {
        if (depth > Limits.MaxRecursionDepth)
        {
            throw new LimitExceededException(LimitKind.DataNesting, $"{depth}");
        }
    }
}
