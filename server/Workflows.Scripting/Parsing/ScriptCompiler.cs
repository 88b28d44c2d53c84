namespace Workflows.Scripting.Parsing;

/// <summary>Source text to a <see cref="CompiledScript"/>: parse, check, instrument, all on a big stack.</summary>
internal static class ScriptCompiler
{
    public static CompiledScript Compile(string source)
    {
        try
        {
            return DedicatedStack.Run(() =>
            {
                var program = ScriptParser.Parse(source);
                ProgramInstrumenter.Instrument(program);
                return CompiledScript.Of(program);
            });
        }
        catch (ScriptException exception)
        {
            return CompiledScript.Failed(exception);
        }
    }
}
