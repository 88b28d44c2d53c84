namespace Workflows.Scripting;

/// <summary>
/// Bounds on one evaluation, enforced by Jint 4's own constraints (plus the string-length guard of
/// <see cref="Runtime.NativeCallGuard"/>). The defaults are sized for one-line expressions:
/// generous for a condition or a rule, small enough that a runaway script cannot slow the server down.
/// </summary>
public sealed record ScriptLimits
{
    /// <summary>Statements executed (Jint's <c>MaxStatements</c>).</summary>
    public int MaxStatements { get; init; } = 10_000;

    /// <summary>Wall-clock time of one evaluation (Jint's <c>TimeoutInterval</c>).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Time one regular expression match may take (Jint's <c>RegexTimeoutInterval</c>).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Depth of the call stack (Jint's <c>LimitRecursion</c>) and of nested data handed to the script.</summary>
    public int MaxRecursionDepth { get; init; } = 64;

    /// <summary>
    /// Bytes the evaluation may allocate (Jint's <c>LimitMemory</c>, the thread's allocation counter).
    /// Jint checks it between steps, after the fact: see <see cref="MaxStringLength"/> for growth
    /// inside one native call.
    /// </summary>
    public long MaxAllocatedBytes { get; init; } = 32 * 1024 * 1024;

    /// <summary>Length of any string a built-in may produce in one call (checked before it allocates).</summary>
    public int MaxStringLength { get; init; } = 1_000_000;

    /// <summary>Length of any array (Jint's <c>MaxArraySize</c>).</summary>
    public int MaxArrayLength { get; init; } = 100_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStatements, 1, nameof(MaxStatements));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero, nameof(Timeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RegexTimeout, TimeSpan.Zero, nameof(RegexTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRecursionDepth, 1, nameof(MaxRecursionDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAllocatedBytes, 1, nameof(MaxAllocatedBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxStringLength, 1, nameof(MaxStringLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxArrayLength, 1, nameof(MaxArrayLength));
    }
}
