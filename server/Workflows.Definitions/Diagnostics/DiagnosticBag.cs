namespace Workflows.Definitions.Diagnostics;

/// <summary>Collects diagnostics; one per code and location so a defect reached twice is reported once.</summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];
    private readonly HashSet<(string, SourceLocation, string)> _seen = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.IsError);

    public void Error(string code, SourceLocation at, string message) => Add(new(Severity.Error, code, at, message));
    public void Warning(string code, SourceLocation at, string message) => Add(new(Severity.Warning, code, at, message));

    public void Add(Diagnostic diagnostic)
    {
        if (_seen.Add((diagnostic.Code, diagnostic.Location, diagnostic.Message))) _items.Add(diagnostic);
    }

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) Add(d);
    }

    /// <summary>Errors first, then by file, line and column: the order a reader fixes them in.</summary>
    public IReadOnlyList<Diagnostic> Sorted() =>
        _items.OrderBy(d => d.Location.File, StringComparer.Ordinal)
              .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
              .ThenBy(d => d.Code, StringComparer.Ordinal).ToList();
}
