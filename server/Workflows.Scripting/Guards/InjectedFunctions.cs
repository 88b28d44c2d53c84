using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;
using Workflows.Scripting.Parsing;

namespace Workflows.Scripting.Guards;

/// <summary>The functions behind <see cref="InjectedNames"/>, bound to one evaluation's budget.</summary>
internal static class InjectedFunctions
{
    public static void Install(Engine engine, ExecutionBudget budget, RegexTimeouts regexes)
    {
        Define(engine, InjectedNames.LoopCheck, (_, arguments) =>
        {
            budget.Step();
            return Arguments.At(arguments, 0);
        });
        Define(engine, InjectedNames.CallCheck, (_, _) =>
        {
            budget.Step();
            return JsValue.Undefined;
        });
        Define(engine, InjectedNames.SizeCheck, (_, arguments) =>
        {
            budget.CheckMemory(0);
            return budget.CheckValue(Arguments.At(arguments, 0));
        });
        Define(engine, InjectedNames.RegExpFactory, (_, arguments) =>
        {
            // The argument is the literal's source text, e.g. "/a(b)/gi", which is what Jint
            // itself passes when it evaluates a regular expression literal.
            var regExp = engine.RegExp.Construct(Arguments.At(arguments, 0).AsString());
            regexes.Apply(regExp);
            return regExp;
        });
    }

    private static void Define(Engine engine, string name, Func<JsValue, JsValue[], JsValue> body) =>
        // Not writable, not configurable: a script can read them through the global object but
        // cannot replace them.
        engine.Global.FastAddProperty(name, new ClrFunctionInstance(engine, body), false, false, false);
}
