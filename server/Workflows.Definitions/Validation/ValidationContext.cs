using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>What every rule needs: the set, where to report, and how to find a model value's position.</summary>
public sealed class ValidationContext
{
    public DefinitionSet Set { get; }
    public DateOnly Today { get; }

    /// <summary>Where this context reports: the set's own bag, or a bag of one item validated in parallel.</summary>
    public DiagnosticBag Diagnostics { get; }

    // Files whose structure could not be fully read: a value that failed to read holds its default,
    // so checking domain rules there would report errors the author never wrote.
    private readonly HashSet<string> _brokenFiles;

    public ValidationContext(DefinitionSet set, DateOnly today)
        : this(set, today, set.Diagnostics, set.Diagnostics.Items
            .Where(d => d.IsError && d.Code.StartsWith("WF10", StringComparison.Ordinal))
            .Select(d => d.Location.File).ToHashSet(StringComparer.Ordinal))
    {
    }

    private ValidationContext(DefinitionSet set, DateOnly today, DiagnosticBag diagnostics, HashSet<string> brokenFiles)
    {
        Set = set;
        Today = today;
        Diagnostics = diagnostics;
        _brokenFiles = brokenFiles;
    }

    /// <summary>A context that reports into a fresh bag, for checking one item on another thread.</summary>
    public ValidationContext WithOwnDiagnostics() => new(Set, Today, new DiagnosticBag(), _brokenFiles);

    /// <summary>True when <paramref name="model"/> came from a file with structural errors: its rules are skipped until those are fixed.</summary>
    public bool IsBroken(object? model) => model is null || (Set.Sources.Find(model) is { } at && _brokenFiles.Contains(at.File));

    /// <summary>The position of <paramref name="owner"/>'s <paramref name="member"/>, or of the owner, or the file start when neither was loaded from a file.</summary>
    public SourceLocation At(object owner, string? member = null, string? fallbackFile = null) =>
        Set.Sources.Find(owner, member) ?? SourceLocation.StartOf(fallbackFile ?? "<model>");

    public void Error(string code, object owner, string? member, string message) => Diagnostics.Error(code, At(owner, member), message);
    public void Warning(string code, object owner, string? member, string message) => Diagnostics.Warning(code, At(owner, member), message);
}
