using Workflows.Scripting.Analysis;
using Workflows.Scripting.Parsing;

namespace Workflows.Scripting;

/// <summary>
/// Static checks of a script for definition validation: does it compile at the sandbox's language
/// level (ES5, strict), which names does it read from outside, which members of those names does it
/// use, and where does it reach for constructors or prototypes.
/// </summary>
public static class ScriptAnalyzer
{
    // Analysis is a pure function of the text, and counties repeat conditions across items
    // (applicant.type == 'organization'); the cache is bounded so odd input cannot grow it.
    private const int CacheLimit = 8192;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ScriptAnalysis> Cache = new(StringComparer.Ordinal);

    public static ScriptAnalysis Analyze(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (Cache.TryGetValue(source, out var cached)) return cached;
        var analysis = AnalyzeUncached(source);
        if (Cache.Count >= CacheLimit) Cache.Clear();
        Cache[source] = analysis;
        return analysis;
    }

    private static ScriptAnalysis AnalyzeUncached(string source)
    {
        try
        {
            return FreeNameCollector.Collect(ScriptParser.Parse(source));
        }
        catch (ScriptException exception)
        {
            return new ScriptAnalysis(new ScriptSyntaxError(exception.Message, exception.Line ?? 1, exception.Column ?? 1), [], []);
        }
    }
}
