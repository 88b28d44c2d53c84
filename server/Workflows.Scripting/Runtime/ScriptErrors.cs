using System.Globalization;
using Jint;
using Jint.Native;
using Jint.Native.Error;
using Jint.Native.Object;
using Jint.Runtime;
using Workflows.Scripting.Parsing;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// Every <see cref="ScriptException"/> is built here, so codes and wording stay consistent:
/// plain Chinese first (what the definition author reads), then the English detail.
/// </summary>
internal static class ScriptErrors
{
    public static ScriptException Syntax(string description, int line, int column) =>
        new(ScriptErrorCodes.Syntax, $"脚本语法错误（第 {line} 行第 {column} 列）: {description}", line, column);

    /// <summary>Maps whatever escaped the engine during an evaluation.</summary>
    public static ScriptException FromEngineFailure(Exception exception, ScriptLimits limits) => exception switch
    {
        ScriptException script => script,
        LimitExceededException limit => Limit(limit.Kind, limits, innerException: limit),
        StatementsCountOverflowException => Limit(LimitKind.Statements, limits, innerException: exception),
        RecursionDepthOverflowException or InsufficientExecutionStackException => Limit(LimitKind.Recursion, limits, innerException: exception),
        MemoryLimitExceededException when exception.Message.Contains("array", StringComparison.OrdinalIgnoreCase) =>
            Limit(LimitKind.ArrayLength, limits, innerException: exception),
        MemoryLimitExceededException or OutOfMemoryException => Limit(LimitKind.Memory, limits, innerException: exception),
        // RegexMatchTimeoutException is a TimeoutException too.
        TimeoutException => Limit(LimitKind.Timeout, limits, innerException: exception),
        JavaScriptException thrown => Thrown(thrown, limits),
        _ => new ScriptException(
            ScriptErrorCodes.Runtime,
            $"脚本运行出错，解释器无法继续: {exception.GetType().Name}: {exception.Message}",
            innerException: exception),
    };

    public static ScriptException Limit(LimitKind kind, ScriptLimits? limits, int? line = null, int? column = null, Exception? innerException = null)
    {
        var (code, message) = kind switch
        {
            LimitKind.Statements => (ScriptErrorCodes.StatementLimit,
                $"脚本执行的语句数超过上限（{limits?.MaxStatements} 条）: Statement limit exceeded"),
            LimitKind.Timeout => (ScriptErrorCodes.Timeout,
                $"脚本执行超时（{limits?.Timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} 毫秒）: Timeout"),
            LimitKind.Recursion => (ScriptErrorCodes.RecursionLimit,
                $"脚本递归调用层数超过上限（{limits?.MaxRecursionDepth} 层）: Recursion limit exceeded"),
            LimitKind.DataNesting => (ScriptErrorCodes.RecursionLimit,
                $"数据嵌套层数超过上限（{limits?.MaxRecursionDepth} 层）: Nesting depth limit exceeded"),
            LimitKind.SyntaxNesting => (ScriptErrorCodes.RecursionLimit,
                $"表达式嵌套层数超过上限（{ScriptParser.MaxSyntaxDepth} 层）: Expression nesting limit exceeded"),
            LimitKind.Memory => (ScriptErrorCodes.MemoryLimit,
                $"脚本占用内存超过上限（{Megabytes(limits?.MaxAllocatedBytes)} MB）: Memory limit exceeded"),
            LimitKind.StringLength => (ScriptErrorCodes.MemoryLimit,
                $"字符串长度超过上限（{limits?.MaxStringLength} 个字符）: String length limit exceeded"),
            LimitKind.ArrayLength => (ScriptErrorCodes.MemoryLimit,
                $"数组长度超过上限（{limits?.MaxArrayLength} 个元素）: Array length limit exceeded"),
            LimitKind.SourceLength => (ScriptErrorCodes.MemoryLimit,
                $"脚本长度超过上限（{ScriptParser.MaxSourceLength} 个字符）: Script too long"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        return new ScriptException(code, message, line, column, innerException);
    }

    private static ScriptException Thrown(JavaScriptException exception, ScriptLimits limits)
    {
        var (detail, hint, name) = Describe(exception.Error);
        // Jint reports some of its limits as JavaScript errors: a RangeError for the call stack
        // (the stack guard) and for arrays past MaxArraySize.
        if (name == "RangeError" && detail.Contains("call stack", StringComparison.OrdinalIgnoreCase))
            return Limit(LimitKind.Recursion, limits, innerException: exception);
        if (name == "RangeError" && detail.Contains("array", StringComparison.OrdinalIgnoreCase) && detail.Contains("size", StringComparison.OrdinalIgnoreCase))
            return Limit(LimitKind.ArrayLength, limits, innerException: exception);
        if (name == "SyntaxError" && detail.Contains("Max. depth", StringComparison.OrdinalIgnoreCase))
            return Limit(LimitKind.DataNesting, limits, innerException: exception);
        if (detail.Contains("Cyclic reference", StringComparison.OrdinalIgnoreCase))
            hint = "，结果中有循环引用 (circular structure)";
        if (name == "EvalError" || detail.Contains("String compilation", StringComparison.OrdinalIgnoreCase))
            hint = "，不允许动态生成代码 (eval, new Function)";
        var start = exception.Location.Start;
        var (line, column) = start.Line > 0 ? (start.Line, start.Column + 1) : ((int?)null, (int?)null);
        var where = line is null ? "" : $"（第 {line} 行第 {column} 列）";
        return new ScriptException(ScriptErrorCodes.Runtime, $"脚本运行出错{where}{hint}: {detail}", line, column, exception);
    }

    /// <summary>
    /// Reads only data properties: the engine has failed, and a getter or a toString defined by the
    /// script must not run (or loop) while the error is being reported.
    /// </summary>
    private static (string Detail, string Hint, string Name) Describe(JsValue error)
    {
        if (error is not ObjectInstance thrown)
        {
            return (error.IsUndefined() ? "undefined" : TypeConverter.ToString(error), "，脚本抛出了异常", "");
        }

        if (thrown is not JsError)
        {
            return ("[object Object]", "，脚本抛出了异常", "");
        }

        var name = DataPropertyText(thrown, "name") ?? "Error";
        var message = DataPropertyText(thrown, "message") ?? "";
        var hint = name switch
        {
            "TypeError" => "，可能读取了 undefined 或 null 的属性，或调用了不是函数的值",
            "ReferenceError" => "，使用了未定义的名称",
            _ => "",
        };
        return (message.Length == 0 ? name : $"{name}: {message}", hint, name);
    }

    private static string? DataPropertyText(ObjectInstance target, string name)
    {
        // Own data property first, then the prototype's (name lives on Error.prototype), never a getter.
        for (var current = target; current is not null; current = current.Prototype)
        {
            var descriptor = current.GetOwnProperty(name);
            if (descriptor == Jint.Runtime.Descriptors.PropertyDescriptor.Undefined) continue;
            return descriptor.IsDataDescriptor() && descriptor.Value is { } value && value.IsPrimitive() ? TypeConverter.ToString(value) : null;
        }
        return null;
    }

    private static string Megabytes(long? bytes) =>
        ((bytes ?? 0) / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture);
}
