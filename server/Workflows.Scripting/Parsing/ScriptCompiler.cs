using Jint;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// Source text to a <see cref="CompiledScript"/>: checked by <see cref="ScriptParser"/> at the
/// sandbox's language level (ES5, strict), then prepared by Jint once for every later evaluation.
/// </summary>
internal static class ScriptCompiler
{
    private static readonly ScriptPreparationOptions Preparation = new()
    {
        ParsingOptions = new ScriptParsingOptions { Tolerant = false },
    };

    public static CompiledScript Compile(string source)
    {
        try
        {
            var plain = PlainExpression.Is(ScriptParser.Parse(source));
            // "use strict" as a directive would change the completion value of an empty script;
            // strictness comes from the engine's Strict option instead.
            return CompiledScript.Of(Engine.PrepareScript(source, source: null, strict: true, options: Preparation), plain);
        }
        catch (ScriptException exception)
        {
            return CompiledScript.Failed(exception);
        }
        catch (ScriptPreparationException exception)
        {
            return CompiledScript.Failed(new ScriptException(ScriptErrorCodes.Syntax, $"脚本语法错误: {exception.Message}"));
        }
    }
}
