namespace Workflows.Scripting.Guards;

/// <summary>
/// Thrown by the guards from inside the engine. It is deliberately not a Jint
/// <c>JavaScriptException</c>: Jint converts only those into JavaScript exceptions, so a script's
/// <c>try/catch</c> cannot swallow a limit and keep going.
/// </summary>
internal sealed class LimitExceededException(LimitKind kind, string? detail = null)
    : Exception($"{kind}{(detail is null ? "" : ": " + detail)}")
{
    public LimitKind Kind { get; } = kind;

    public string? Detail { get; } = detail;
}
