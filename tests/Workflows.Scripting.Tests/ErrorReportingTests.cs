namespace Workflows.Scripting.Tests;

public class ErrorReportingTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Fact]
    public void Evaluate_SyntaxError_GivesWF4101WithOneBasedLineAndColumn()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("var x = 1;\n  x +* 2"));

        Assert.Equal(ScriptErrorCodes.Syntax, failure.Code);
        Assert.Equal(2, failure.Line);
        Assert.Equal(6, failure.Column); // the '*'
        Assert.StartsWith("脚本语法错误（第 2 行第 6 列）", failure.Message);
        Assert.Contains("Unexpected token '*'", failure.Message);
    }

    [Fact]
    public void Evaluate_UnterminatedInput_PointsPastTheEnd()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("form.a +"));

        Assert.Equal((1, 9), (failure.Line, failure.Column));
    }

    [Fact]
    public void Evaluate_SameBrokenExpressionTwice_FailsTheSameWayEachTime()
    {
        var first = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("1 +"));
        var second = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("1 +"));

        Assert.NotSame(first, second);
        Assert.Equal((first.Code, first.Message, first.Line, first.Column), (second.Code, second.Message, second.Line, second.Column));
    }

    [Fact]
    public void Evaluate_ReadingAPropertyOfUndefined_GivesWF4102WithAPlainExplanation()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("form.missing.value"));

        Assert.Equal(ScriptErrorCodes.Runtime, failure.Code);
        Assert.Contains("可能读取了 undefined 或 null 的属性", failure.Message);
        Assert.Contains("TypeError", failure.Message);
    }

    [Fact]
    public void Evaluate_UndefinedName_GivesWF4102NamingIt()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("formm.x"));

        Assert.Equal(ScriptErrorCodes.Runtime, failure.Code);
        Assert.Contains("使用了未定义的名称", failure.Message);
        Assert.Contains("formm is not defined", failure.Message);
        Assert.Equal(1, failure.Line);
    }

    [Fact]
    public void Evaluate_ErrorInsideAFunction_ReportsTheFailingExpressionsPosition()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("(function() {\n  var q;\n  return q.foo;\n})()"));

        // Jint 4 points at the member read that failed (q.foo), not only at its statement.
        Assert.Equal((3, 12), (failure.Line, failure.Column));
    }

    [Fact]
    public void Evaluate_ThrownError_KeepsItsMessage()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("throw new RangeError('年龄超出范围')"));

        Assert.Equal(ScriptErrorCodes.Runtime, failure.Code);
        Assert.EndsWith("RangeError: 年龄超出范围", failure.Message);
    }

    [Fact]
    public void Evaluate_ThrownPlainValue_IsReported()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("throw '材料不齐'"));

        Assert.Equal(ScriptErrorCodes.Runtime, failure.Code);
        Assert.EndsWith("材料不齐", failure.Message);
    }

    [Fact]
    public void Evaluate_ErrorWithALoopingMessageGetter_StillEndsWithinTheLimits() =>
        // Jint reads the message when the error is thrown, which runs the getter inside the evaluation.
        FailureAssert.FailsFast(
            _sandbox,
            "var e = new Error(); Object.defineProperty(e, 'message', { get: function() { while (true) {} } }); throw e",
            ScriptErrorCodes.StatementLimit);

    [Fact]
    public void Evaluate_ErrorCaughtByTheScript_DoesNotFail() =>
        Assert.Equal("caught SyntaxError", _sandbox.Evaluate("try { JSON.parse('{') } catch (e) { 'caught ' + e.name }")!.GetValue<string>());

    [Fact]
    public void Evaluate_LimitErrors_CarryTheLimitInTheMessage()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("while (true) {}"));

        Assert.Equal("脚本执行的语句数超过上限（10000 条）: Statement limit exceeded", failure.Message);
        Assert.Null(failure.Line);
    }
}
