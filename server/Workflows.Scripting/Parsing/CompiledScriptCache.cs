using System.Collections.Concurrent;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// Each distinct source is compiled once; concurrent first uses wait for the same compilation.
/// Bounded, because a "try it" box can send endless distinct sources: past the capacity new
/// sources are compiled for the call and not kept.
/// </summary>
internal sealed class CompiledScriptCache
{
    private const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Lazy<CompiledScript>> _entries = new(StringComparer.Ordinal);

    public CompiledScript Get(string source)
    {
        if (_entries.TryGetValue(source, out var cached))
        {
            return cached.Value;
        }

        var compilation = new Lazy<CompiledScript>(() => ScriptCompiler.Compile(source), LazyThreadSafetyMode.ExecutionAndPublication);
        return _entries.Count >= Capacity
            ? compilation.Value
            : _entries.GetOrAdd(source, compilation).Value;
    }
}
