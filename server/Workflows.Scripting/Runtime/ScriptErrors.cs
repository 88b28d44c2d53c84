using System.Globalization;
using Jint.Native;
using Jint.Native.Error;
using Jint.Native.Object;
using Jint.Parser;
using Jint.Runtime;
using Workflows.Scripting.Guards;
using Workflows.Scripting.Parsing;

namespace Workflows.Scripting.Runtime;

/// <summary>
/// Every <see cref="ScriptException"/> is built here, so codes and wording stay consistent:
/// plain Chinese first (what the definition author reads), then the English detail.
/// </summary>
internal static class ScriptErrors
{
    public static ScriptException Syntax(ParserException exception) =>
        Syntax(exception.Description ?? exception.Message, exception.LineNumber, Math.Max(1, exception.Column));

    public static ScriptException Syntax(string description, int line, int column) =>
        new(ScriptErrorCodes.Syntax, $"脚本语法错误（第 {line} 行第 {column} 列）: {description}", line, column);

    /// <summary>Maps whatever escaped the engine during an evaluation.</summary>
    public static ScriptException FromEngineFailure(Exception exception, ScriptLimits limits) => exception switch
    {
        ScriptException script => script,
        LimitExceededException limit => Limit(limit.Kind, limits, innerException: limit),
        StatementsCountOverflowException => Limit(LimitKind.Statements, limits, innerException: exception),
        RecursionDepthOverflowException => Limit(LimitKind.Recursion, limits, innerException: exception),
        InsufficientExecutionStackException => Limit(LimitKind.Stack, limits, innerException: exception),
        OutOfMemoryException => Limit(LimitKind.Memory, limits, innerException: exception),
        // RegexMatchTimeoutException is a TimeoutException too.
        TimeoutException => Limit(LimitKind.Timeout, limits, innerException: exception),
        JavaScriptException thrown => Thrown(thrown),
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
            LimitKind.Stack => (ScriptErrorCodes.RecursionLimit,
                "脚本调用层次过深: Call depth limit exceeded"),
            LimitKind.DataNesting => (ScriptErrorCodes.RecursionLimit,
                $"数据嵌套层数超过上限（{limits?.MaxRecursionDepth} 层）: Nesting depth limit exceeded"),
            LimitKind.SyntaxNesting => (ScriptErrorCodes.RecursionLimit,
                $"表达式嵌套层数超过上限（{SyntaxRules.MaxSyntaxDepth} 层）: Expression nesting limit exceeded"),
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

    private static ScriptException Thrown(JavaScriptException exception)
    {
        var location = exception.Location?.Start;
        var (line, column) = location is { } start ? (start.Line, start.Column + 1) : ((int?)null, (int?)null);
        var where = line is null ? "" : $"（第 {line} 行第 {column} 列）";
        var (detail, hint) = Describe(exception.Error);
        return new ScriptException(ScriptErrorCodes.Runtime, $"脚本运行出错{where}{hint}: {detail}", line, column, exception);
    }

    /// <summary>
    /// Reads only data properties: the engine has failed, and a getter or a toString defined by the
    /// script must not run (or loop) while the error is being reported.
    /// </summary>
    private static (string Detail, string Hint) Describe(JsValue error)
    {
        if (!error.IsObject())
        {
            return (error.IsUndefined() ? "undefined" : TypeConverter.ToString(error), "，脚本抛出了异常");
        }

        var thrown = error.AsObject();
        if (thrown is not ErrorInstance)
        {
            return ($"[object {thrown.Class}]", "，脚本抛出了异常");
        }

        var name = DataPropertyText(thrown, "name") ?? "Error";
        var message = DataPropertyText(thrown, "message") ?? "";
        var hint = name switch
        {
            "TypeError" when message.Length == 0 => "，可能读取了 undefined 或 null 的属性，或调用了不是函数的值",
            "ReferenceError" => "，使用了未定义的名称",
            _ => "",
        };
        return (message.Length == 0 ? name : $"{name}: {message}", hint);
    }

    private static string? DataPropertyText(ObjectInstance target, string name) =>
        target.GetProperty(name) is { } descriptor && descriptor.IsDataDescriptor() && descriptor.Value is { } value && value.IsPrimitive()
            ? TypeConverter.ToString(value)
            : null;

    private static string Megabytes(long? bytes) =>
        ((bytes ?? 0) / (1024.0 * 1024.0)).ToString("0.##", CultureInfo.InvariantCulture);
}
