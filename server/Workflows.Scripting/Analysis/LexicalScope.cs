namespace Workflows.Scripting.Analysis;

/// <summary>ES5 scoping: a function (or the program) declares names for its whole body; a catch clause declares its parameter for its block.</summary>
internal sealed class LexicalScope(LexicalScope? parent)
{
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);

    public LexicalScope? Parent { get; } = parent;

    public void Declare(string name) => _declared.Add(name);

    public bool Declares(string name) => _declared.Contains(name) || Parent?.Declares(name) == true;
}
