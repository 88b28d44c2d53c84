namespace Workflows.Scripting.Guards;

/// <summary>Which bound an evaluation ran into; <see cref="Runtime.ScriptErrors"/> turns it into a code and a message.</summary>
internal enum LimitKind
{
    Statements,
    Timeout,
    Recursion,
    Stack,
    DataNesting,
    SyntaxNesting,
    Memory,
    StringLength,
    ArrayLength,
    SourceLength,
}
