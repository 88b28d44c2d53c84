using Workflows.Definitions.Diagnostics;

namespace Workflows.Definitions.Mapping;

/// <summary>
/// Where each loaded model object and each of its members came from, so that checks run on the
/// typed model can still point at <c>file:line:col</c>. Kept beside the model (keyed by object
/// identity) so model objects stay plain and comparable.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<object, Entry> _entries = new(ReferenceEqualityComparer.Instance);

    private sealed class Entry(SourceLocation start)
    {
        public SourceLocation Start { get; } = start;
        public Dictionary<string, SourceLocation> Members { get; } = new(StringComparer.Ordinal);
    }

    internal void Record(object owner, SourceLocation start) => _entries.TryAdd(owner, new Entry(start));

    internal void RecordMember(object owner, string member, SourceLocation at)
    {
        if (_entries.TryGetValue(owner, out var entry)) entry.Members[member] = at;
    }

    /// <summary>The member's value if it was written, else the owner's start, else null when the object was not loaded from a file.</summary>
    public SourceLocation? Find(object owner, string? member = null)
    {
        if (!_entries.TryGetValue(owner, out var entry)) return null;
        return member is not null && entry.Members.TryGetValue(member, out var at) ? at : entry.Start;
    }

    public void Merge(SourceMap other)
    {
        foreach (var (key, value) in other._entries) _entries.TryAdd(key, value);
    }
}
