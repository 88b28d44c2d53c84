namespace Workflows.Scripting.Runtime;

/// <summary>Which bound an evaluation ran into; <see cref="ScriptErrors"/> turns it into a code and a message.</summary>
internal enum LimitKind
{
    Statements,
    Timeout,
    Recursion,
    DataNesting,
    SyntaxNesting,
    Memory,
    StringLength,
    ArrayLength,
    SourceLength,
}

/// <summary>Thrown by the sandbox's own guard (string growth) from inside a native call; never seen by scripts.</summary>
internal sealed class LimitExceededException(LimitKind kind) : Exception(kind.ToString())
{
    public LimitKind Kind { get; } = kind;
}
