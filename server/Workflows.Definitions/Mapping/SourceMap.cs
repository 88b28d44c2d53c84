using System.Runtime.CompilerServices;
using Workflows.Definitions.Diagnostics;

namespace Workflows.Definitions.Mapping;

/// <summary>
/// Where each loaded model object and each of its members came from, so that checks run on the
/// typed model can still point at <c>file:line:col</c>. Kept beside the model (keyed by object
/// identity) so model objects stay plain and comparable. One flat table rather than a table per
/// object: a county of a thousand items has hundreds of thousands of objects.
/// </summary>
public sealed class SourceMap
{
    private readonly Dictionary<Key, SourceLocation> _positions = new(KeyComparer.Instance);

    private readonly record struct Key(object Owner, string? Member);

    private static readonly string[] SmallIndexes = Enumerable.Range(0, 256).Select(i => i.ToString()).ToArray();

    /// <summary>The member name of a list element: its index as text (cached: lists are read by the thousand).</summary>
    public static string Index(int index) => index < SmallIndexes.Length ? SmallIndexes[index] : index.ToString();

    internal void Record(object owner, SourceLocation start) => _positions.TryAdd(new Key(owner, null), start);

    internal void RecordMember(object owner, string member, SourceLocation at) => _positions[new Key(owner, member)] = at;

    /// <summary>The member's value if it was written, else the owner's start, else null when the object was not loaded from a file.</summary>
    public SourceLocation? Find(object owner, string? member = null)
    {
        if (member is not null && _positions.TryGetValue(new Key(owner, member), out var at)) return at;
        return _positions.TryGetValue(new Key(owner, null), out var start) ? start : null;
    }

    public void Merge(SourceMap other)
    {
        _positions.EnsureCapacity(_positions.Count + other._positions.Count);
        foreach (var (key, value) in other._positions) _positions.TryAdd(key, value);
    }

    private sealed class KeyComparer : IEqualityComparer<Key>
    {
        public static readonly KeyComparer Instance = new();

        public bool Equals(Key a, Key b) => ReferenceEquals(a.Owner, b.Owner) && string.Equals(a.Member, b.Member, StringComparison.Ordinal);

        public int GetHashCode(Key key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Owner), key.Member is null ? 0 : StringComparer.Ordinal.GetHashCode(key.Member));
    }
}
