using Acornima.Ast;
using Jint;

namespace Workflows.Scripting.Parsing;

/// <summary>
/// A parsed and prepared program, shared by concurrent evaluations (Jint's prepared scripts are
/// immutable); or the reason it could not be compiled, kept as data so every caller gets its own
/// exception instance.
/// </summary>
internal sealed class CompiledScript
{
    private readonly Prepared<Script>? _program;
    private readonly (string Code, string Message, int? Line, int? Column) _failure;

    private CompiledScript(Prepared<Script>? program, (string, string, int?, int?) failure)
    {
        _program = program;
        _failure = failure;
    }

    public static CompiledScript Of(Prepared<Script> program, bool plain) => new(program, default) { IsPlainExpression = plain };

    /// <summary>See <see cref="PlainExpression"/>: runs without the native-call guard.</summary>
    public bool IsPlainExpression { get; private init; }

    public static CompiledScript Failed(ScriptException exception) =>
        new(null, (exception.Code, exception.Message, exception.Line, exception.Column));

    /// <exception cref="ScriptException">The script did not compile.</exception>
    public Prepared<Script> Program =>
        _program ?? throw new ScriptException(_failure.Code, _failure.Message, _failure.Line, _failure.Column);
}
