namespace Workflows.Scripting;

/// <summary>
/// Any failure of a script: it never escapes as another exception type, so callers can turn it
/// into a diagnostic (definition validation) or a clear API error without a catch-all.
/// </summary>
public sealed class ScriptException : Exception
{
    public ScriptException(string code, string message, int? line = null, int? column = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Line = line;
        Column = column;
    }

    /// <summary>One of <see cref="ScriptErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>1-based line in the script, when known.</summary>
    public int? Line { get; }

    /// <summary>1-based column in the script, when known.</summary>
    public int? Column { get; }
}
