using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>What every rule needs: the set, where to report, and how to find a model value's position.</summary>
public sealed class ValidationContext(DefinitionSet set, DateOnly today)
{
    public DefinitionSet Set { get; } = set;
    public DateOnly Today { get; } = today;
    public DiagnosticBag Diagnostics => Set.Diagnostics;

    /// <summary>The position of <paramref name="owner"/>'s <paramref name="member"/>, or of the owner, or the file start when neither was loaded from a file.</summary>
    public SourceLocation At(object owner, string? member = null, string? fallbackFile = null) =>
        Set.Sources.Find(owner, member) ?? SourceLocation.StartOf(fallbackFile ?? "<model>");

    public void Error(string code, object owner, string? member, string message) => Diagnostics.Error(code, At(owner, member), message);
    public void Warning(string code, object owner, string? member, string message) => Diagnostics.Warning(code, At(owner, member), message);
}
