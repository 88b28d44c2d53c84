namespace Workflows.Scripting.Parsing;

/// <summary>
/// Global functions the instrumentation calls. A '#' cannot appear in a JavaScript identifier,
/// so no script can declare, shadow or even name them (with statements are refused).
/// </summary>
internal static class InjectedNames
{
    /// <summary>Wraps every loop test: checks the budget once per iteration, returns the test value.</summary>
    public const string LoopCheck = "#loop";

    /// <summary>First statement of every function body: checks the budget, the stack above all.</summary>
    public const string CallCheck = "#enter";

    /// <summary>Wraps every <c>+</c> and <c>+=</c>: fails as soon as a string grows past the limit.</summary>
    public const string SizeCheck = "#size";

    /// <summary>Replaces regular expression literals: a fresh RegExp per evaluation, with a match timeout.</summary>
    public const string RegExpFactory = "#regexp";
}
