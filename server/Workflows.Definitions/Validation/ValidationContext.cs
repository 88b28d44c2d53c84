using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>What every rule needs: the set, where to report, and how to find a model value's position.</summary>
public sealed class ValidationContext(DefinitionSet set, DateOnly today)
{
    public DefinitionSet Set { get; } = set;
    public DateOnly Today { get; } = today;
    public DiagnosticBag Diagnostics => Set.Diagnostics;

    // Files whose structure could not be fully read: a value that failed to read holds its default,
    // so checking domain rules there would report errors the author never wrote.
    private readonly HashSet<string> _brokenFiles = set.Diagnostics.Items
        .Where(d => d.IsError && d.Code.StartsWith("WF10", StringComparison.Ordinal))
        .Select(d => d.Location.File).ToHashSet(StringComparer.Ordinal);

    /// <summary>True when <paramref name="model"/> came from a file with structural errors: its rules are skipped until those are fixed.</summary>
    public bool IsBroken(object? model) => model is null || (Set.Sources.Find(model) is { } at && _brokenFiles.Contains(at.File));

    /// <summary>The position of <paramref name="owner"/>'s <paramref name="member"/>, or of the owner, or the file start when neither was loaded from a file.</summary>
    public SourceLocation At(object owner, string? member = null, string? fallbackFile = null) =>
        Set.Sources.Find(owner, member) ?? SourceLocation.StartOf(fallbackFile ?? "<model>");

    public void Error(string code, object owner, string? member, string message) => Diagnostics.Error(code, At(owner, member), message);
    public void Warning(string code, object owner, string? member, string message) => Diagnostics.Warning(code, At(owner, member), message);
}
