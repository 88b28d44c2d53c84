namespace Workflows.Scripting;

/// <summary>
/// A condition of a published definition failed at run time (a department editor can publish one
/// that validates and still throws on some data). Carries the item, its version and the
/// expression so the server can answer 422 naming the definition, never 500, and log it for the
/// editor; <see cref="Cause"/> has the sandbox's own code (WF4102 … WF4106) and position.
/// </summary>
public sealed class ScriptConditionException(string itemId, string? definitionVersion, string expression, ScriptException cause)
    : Exception(
        $"事项 {itemId}{(definitionVersion is null ? "" : $"（版本 {definitionVersion}）")} 的条件 `{expression}` 运行出错，请联系事项编辑人员修正: {cause.Message} (a condition of the definition failed at run time)",
        cause)
{
    /// <summary>Always <see cref="ScriptErrorCodes.ConditionFailed"/>.</summary>
    public string Code => ScriptErrorCodes.ConditionFailed;

    public string ItemId { get; } = itemId;

    public string? DefinitionVersion { get; } = definitionVersion;

    public string Expression { get; } = expression;

    public ScriptException Cause { get; } = cause;
}
