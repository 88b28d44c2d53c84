using Jint;
using Jint.Native;
using Jint.Native.RegExp;
using Jint.Runtime;

namespace Workflows.Scripting.Guards;

/// <summary>The constructors whose arguments alone can cost too much.</summary>
internal static class ConstructorGuards
{
    /// <summary>Compiling a pattern allocates up to ~170 bytes per character in .NET's regex parser.</summary>
    public const long BytesPerPatternCharacter = 256;

    public static void Install(Engine engine, ExecutionBudget budget)
    {
        // Array(n) makes an array of length n: Jint keeps it sparse, so creating it is cheap, but
        // every method then walks the full length. Fail at once instead.
        GuardedConstructor.Install(engine, budget, "Array", engine.Array.PrototypeObject, arguments =>
        {
            budget.CheckArrayLength(arguments is [var only] && only.IsNumber() ? only.AsNumber() : arguments.Length);
            return arguments;
        });

        GuardedConstructor.Install(engine, budget, "RegExp", engine.RegExp.PrototypeObject, arguments =>
        {
            var pattern = Arguments.At(arguments, 0);
            if (pattern.IsUndefined() || (pattern.IsObject() && pattern.AsObject() is RegExpInstance))
            {
                return arguments;
            }

            var source = TypeConverter.ToString(pattern);
            ChargeForPattern(budget, source);
            return [source, .. arguments.Skip(1)];
        });
    }

    public static void ChargeForPattern(ExecutionBudget budget, string source) =>
        budget.CheckMemory(source.Length * BytesPerPatternCharacter);
}
