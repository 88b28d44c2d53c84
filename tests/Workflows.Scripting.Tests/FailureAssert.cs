using System.Diagnostics;

namespace Workflows.Scripting.Tests;

/// <summary>Asserts that a hostile script fails fast, with bounded memory, and leaves the sandbox usable.</summary>
internal static class FailureAssert
{
    // Safety bounds, not benchmarks: the point is "stopped at all, by the right limit", not "how
    // quickly". The error code tells which limit stopped the script; the time bound only catches a
    // script that ran on unchecked, and is loose because CI runs every suite on two busy cores.
    private static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(5);

    /// <param name="allocationMatters">
    /// False where the script allocates nothing but the interpreter's own garbage (an empty loop
    /// left running until the timeout), which is not what the memory bound is about.
    /// </param>
    public static ScriptException FailsFast(ScriptSandbox sandbox, string expression, string expectedCode, bool allocationMatters = true)
    {
        // Warm first: the first evaluation in a process compiles Jint itself (seconds on a busy
        // machine), which is not what the bound is about.
        StillWorks(sandbox);
        var bytesBound = allocationMatters ? 3 * sandbox.Limits.MaxAllocatedBytes : long.MaxValue;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();

        var failure = Assert.Throws<ScriptException>(() => sandbox.Evaluate(expression));

        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(expectedCode, failure.Code);
        Assert.True(stopwatch.Elapsed < TimeBound, $"took {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(allocated < bytesBound, $"allocated {allocated / (1024 * 1024)} MB");
        StillWorks(sandbox);
        return failure;
    }

    public static void StillWorks(ScriptSandbox sandbox)
    {
        Assert.Equal(42, sandbox.Evaluate("[40, 2].reduce(function(a, b) { return a + b; }, 0)")!.GetValue<int>());
        Assert.True(sandbox.EvaluateCondition("idcard.valid('11010519491231002X')"));
    }
}
