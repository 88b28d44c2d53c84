namespace Workflows.Scripting;

/// <summary>
/// Bounds on one evaluation. The defaults are sized for one-line expressions: generous for a
/// condition or a rule, small enough that a runaway script cannot slow the server down.
/// </summary>
public sealed record ScriptLimits
{
    /// <summary>Statements executed, counted by Jint.</summary>
    public int MaxStatements { get; init; } = 10_000;

    /// <summary>Wall-clock time of one evaluation.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Depth of recursion of one function (Jint's own limit), and of nested data that native
    /// code walks recursively (JSON, array-to-string conversion).
    /// </summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>
    /// Bytes the evaluation may allocate (Jint 2.10.4 has no memory limit of its own). Measured with
    /// the thread's allocation counter at every loop iteration, function call and native call, and
    /// charged in advance for native calls that would allocate in proportion to their input; 1 KB
    /// per such check is written off as the interpreter's own garbage.
    /// </summary>
    public long MaxAllocatedBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Length of any string a script builds.</summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>Length of any array a script builds or hands to a built-in function.</summary>
    public int MaxArrayLength { get; init; } = 100_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStatements, 1, nameof(MaxStatements));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecursionDepth, 1, nameof(MaxRecursionDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAllocatedBytes, 1, nameof(MaxAllocatedBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStringLength, 1, nameof(MaxStringLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxArrayLength, 1, nameof(MaxArrayLength));
    }
}
