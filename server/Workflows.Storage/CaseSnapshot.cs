namespace Workflows.Storage;

/// <summary>The case's current state as opaque JSON plus the few fields the store indexes for search.</summary>
public sealed record CaseSnapshot(string State, CaseIndex Index);

/// <summary>
/// Columns kept next to the snapshot so search never parses JSON. The engine fills them from its
/// state on every change.
/// </summary>
/// <param name="Department">The department the case is with now (its first open task).</param>
/// <param name="Parties">Everyone who may see the case, as <c>|education|w:comprehensive-1|</c>: the item's
/// department, every department and window that had a task; searched with <see cref="CaseQuery.Party"/>.</param>
/// <param name="Open">False once the case is closed (办结, 不予受理, 撤回): inboxes and supervision skip it.</param>
/// <param name="Figures">What supervision counts and the work lists page by (<see cref="CaseFigures"/>).</param>
public sealed record CaseIndex(
    string Status,
    string? Department = null,
    string? ApplicantName = null,
    string? ApplicantId = null,
    DateOnly? DueDate = null,
    string? Parties = null,
    bool Open = true,
    CaseFigures? Figures = null)
{
    /// <summary>The <see cref="Parties"/> text for the given department ids and window ids (<c>w:</c> prefixed).</summary>
    public static string PartiesOf(IEnumerable<string> parties) => "|" + string.Join("|", parties.Distinct().Order(StringComparer.Ordinal)) + "|";
}
