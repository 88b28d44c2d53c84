namespace Workflows.Scripting;

/// <summary>The stable codes a <see cref="ScriptException"/> carries.</summary>
public static class ScriptErrorCodes
{
    /// <summary>The script does not parse, or uses a construct the sandbox refuses (<c>with</c>).</summary>
    public const string Syntax = "WF4101";

    /// <summary>The script threw: a missing name, a property of undefined, a failed conversion.</summary>
    public const string Runtime = "WF4102";

    /// <summary>More statements than <see cref="ScriptLimits.MaxStatements"/>.</summary>
    public const string StatementLimit = "WF4103";

    /// <summary>Longer than <see cref="ScriptLimits.Timeout"/>.</summary>
    public const string Timeout = "WF4104";

    /// <summary>Recursion, call or nesting depth beyond what the sandbox allows.</summary>
    public const string RecursionLimit = "WF4105";

    /// <summary>Memory, string length, array length or script length beyond the limits.</summary>
    public const string MemoryLimit = "WF4106";

    /// <summary>
    /// A condition of a published definition failed while a case was being handled
    /// (<see cref="ScriptConditionException"/>): the definition is at fault, not the request (HTTP 422).
    /// </summary>
    public const string ConditionFailed = "WF4110";
}
