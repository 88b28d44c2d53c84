using Workflows.Scripting.Analysis;
using Workflows.Scripting.Parsing;

namespace Workflows.Scripting;

/// <summary>
/// Static checks of a script for definition validation: does it compile in the sandbox, which
/// names does it read from outside, which members of those names does it use.
/// </summary>
public static class ScriptAnalyzer
{
    public static ScriptAnalysis Analyze(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            return DedicatedStack.Run(() => FreeNameCollector.Collect(ScriptParser.Parse(source)));
        }
        catch (ScriptException exception)
        {
            return new ScriptAnalysis(new ScriptSyntaxError(exception.Message, exception.Line ?? 1, exception.Column ?? 1), [], []);
        }
    }
}
