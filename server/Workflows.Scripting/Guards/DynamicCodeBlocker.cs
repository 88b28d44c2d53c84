using Jint;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace Workflows.Scripting.Guards;

/// <summary>
/// Removes eval and the Function constructor. Code generated at run time would be parsed on the
/// evaluating thread, outside the parse-time checks (length, nesting depth, no with, instrumentation).
/// </summary>
internal static class DynamicCodeBlocker
{
    public static void Apply(Engine engine)
    {
        engine.Global.Delete("eval", false);

        var refusal = new ClrFunctionInstance(
            engine,
            (_, _) => throw new JavaScriptException(engine.EvalError, "脚本中不允许动态生成代码 (dynamic code generation is disabled)"),
            1);
        engine.Global.FastSetProperty("Function", new PropertyDescriptor(refusal, true, false, true));
        // Every function reaches the constructor through its prototype: (function(){}).constructor.
        engine.Function.PrototypeObject.FastSetProperty("constructor", new PropertyDescriptor(refusal, true, false, true));
    }
}
