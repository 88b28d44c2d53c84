using Jint.Parser.Ast;
using Workflows.Scripting.Runtime;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// A parsed, checked and instrumented program, shared by concurrent evaluations; or the reason
/// it could not be compiled, kept as data so every caller gets its own exception instance.
/// </summary>
internal sealed class CompiledScript
{
    private readonly Program? _program;
    private readonly (string Code, string Message, int? Line, int? Column) _failure;

    private CompiledScript(Program? program, (string, string, int?, int?) failure)
    {
        _program = program;
        _failure = failure;
    }

    public static CompiledScript Of(Program program) => new(program, default) { Condition = FastCondition.TryCreate(program) };

    /// <summary>The program as a <see cref="FastCondition"/> when it has that shape.</summary>
    public FastCondition? Condition { get; private init; }

    public static CompiledScript Failed(ScriptException exception) =>
        new(null, (exception.Code, exception.Message, exception.Line, exception.Column));

    /// <exception cref="ScriptException">The script did not compile.</exception>
    public Program Program =>
        _program ?? throw new ScriptException(_failure.Code, _failure.Message, _failure.Line, _failure.Column);
}
