using static Workflows.Scripting.Tests.FailureAssert;

namespace Workflows.Scripting.Tests;

public class ResourceLimitTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Fact]
    public void Evaluate_InfiniteLoop_FailsWithStatementLimitPromptly() =>
        FailsFast(_sandbox, "while(true){}", ScriptErrorCodes.StatementLimit);

    [Fact]
    public void Evaluate_InfiniteLoopUnderAHighStatementLimit_FailsWithTimeoutPromptly()
    {
        var sandbox = Sandboxes.Create(new ScriptLimits { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(300) });

        var failure = FailsFast(sandbox, "while(true){}", ScriptErrorCodes.Timeout, allocationMatters: false);

        Assert.StartsWith("脚本执行超时（300 毫秒）", failure.Message);
        Assert.EndsWith(": Timeout", failure.Message);
    }

    [Fact]
    public void Evaluate_UnboundedRecursion_FailsWithRecursionLimitPromptly() =>
        FailsFast(_sandbox, "function f(){return f();} f()", ScriptErrorCodes.RecursionLimit);

    [Fact]
    public void Evaluate_RecursionThroughDistinctClosures_FailsWithRecursionLimitInsteadOfOverflowingTheStack() =>
        // Each closure is a different function to Jint, so its own recursion count never trips.
        FailsFast(
            _sandbox,
            "var fs = []; for (var i = 0; i < 3000; i++) fs.push(function(k){ return k > 0 ? fs[k-1](k-1) : 0; }); fs[2999](2999)",
            ScriptErrorCodes.RecursionLimit);

    [Theory]
    [InlineData("var o = {}; o.toString = String.prototype.trim; String(o)")]
    [InlineData("var e = new Error(); e.message = e; String(e)")]
    [InlineData("var o = {}; o.toString = o.toLocaleString; '' + o")]
    public void Evaluate_NativeFunctionsCallingThemselvesThroughToString_FailWithRecursionLimit(string expression) =>
        FailsFast(_sandbox, expression, ScriptErrorCodes.RecursionLimit);

    [Fact]
    public void Evaluate_StringDoublingLoop_FailsWithSizeLimitPromptly() =>
        FailsFast(_sandbox, "var s='x'; while(true){ s = s + s; }", ScriptErrorCodes.MemoryLimit);

    [Fact]
    public void Evaluate_StringDoublingInsideOneStatement_FailsWithSizeLimit() =>
        FailsFast(_sandbox, "var s = 'x'; " + string.Join(", ", Enumerable.Repeat("s += s", 40)), ScriptErrorCodes.MemoryLimit);

    [Fact]
    public void Evaluate_StringLongerThanTheLimit_FailsWithAMessageNamingTheLimit()
    {
        // The string limit bounds what one built-in call produces; concatenation across statements
        // is bounded by Jint's memory limit (Evaluate_StringDoublingLoop_…).
        var sandbox = Sandboxes.Create(new ScriptLimits { MaxStringLength = 1000 });

        var failure = FailsFast(sandbox, "var s = ''; for (var i = 0; i < 2000; i++) { s += 'x'; } s.repeat(2)", ScriptErrorCodes.MemoryLimit);

        Assert.StartsWith("字符串长度超过上限（1000 个字符）", failure.Message);
    }

    [Theory]
    [InlineData("new Array(1e9).join('x')")]
    [InlineData("Array(1e8)")]
    [InlineData("var a = []; a.length = 4294967295; a.join('x')")]
    [InlineData("var a = []; a.length = 4294967295; a.indexOf(1)")]
    [InlineData("var a = []; a.length = 4294967295; a.sort()")]
    [InlineData("Array.prototype.map.call({ length: 1e9 }, function(x) { return x; })")]
    [InlineData("Array.apply(null, { length: 1e8 })")]
    [InlineData("String.fromCharCode.apply(null, { length: 1e8 })")]
    public void Evaluate_HugeArrayHandedToANativeFunction_FailsWithSizeLimitPromptly(string expression) =>
        FailsFast(_sandbox, expression, ScriptErrorCodes.MemoryLimit);

    [Theory]
    [InlineData("var s = Array(1001).join('xxxxxxxxxx'); s.replace(/x/g, s)")] // output quadratic in the input
    [InlineData("var s = Array(50002).join('ab'); s.split('')")] // 100 002 pieces, past MaxArraySize
    [InlineData("var s = Array(50001).join('ab'); s.match(/a/g)")]
    [InlineData("var a = [1, 2, 3, 4, 5, 6, 7, 8]; for (var i = 0; i < 20; i++) a = [a, a]; JSON.stringify(a)")] // 2^20 copies
    [InlineData("var a = [1, 2, 3, 4, 5, 6, 7, 8]; for (var i = 0; i < 20; i++) a = [a, a]; a")] // the same, as the result
    // Jint 4 parses 40 001 numbers and compiles a 200 000-character pattern within the limits; past
    // MaxArraySize the parse is refused.
    [InlineData("JSON.parse('[' + Array(100002).join('1,') + '1]')")]
    [InlineData("var a = []; for (var i = 0; i < 100; i++) { a.push('x'.repeat(999999) + i); } a.length")]
    public void Evaluate_NativeCallThatWouldAllocateHugely_FailsWithMemoryLimitPromptly(string expression) =>
        // The time limit is raised out of the way: on a loaded machine the default 500 ms could
        // stop these first, and this test is about the memory guard (still promptly).
        FailsFast(Sandboxes.Create(new ScriptLimits { Timeout = TimeSpan.FromSeconds(5) }), expression, ScriptErrorCodes.MemoryLimit);

    [Theory]
    [InlineData("var a = []; for (var i = 0; i < 3000; i++) a = [a]; String(a)")]
    [InlineData("var a = []; for (var i = 0; i < 3000; i++) a = [a]; JSON.stringify(a)")]
    [InlineData("var s = '['; for (var i = 0; i < 16; i++) s = s + s; JSON.parse(s)")]
    public void Evaluate_DataNestedDeeperThanTheLimit_FailsWithRecursionLimitInsteadOfOverflowingTheStack(string expression) =>
        FailsFast(_sandbox, expression, ScriptErrorCodes.RecursionLimit);

    [Theory]
    [InlineData("var o = {}; for (var i = 0; i < 5000; i++) o = Object.create(o); o.x === undefined")]
    [InlineData("var f = function() { return 1; }; for (var i = 0; i < 4000; i++) f = f.bind(null); f() === 1")]
    public void Evaluate_LongPrototypeOrBindChains_AreWalkedWithoutOverflowingTheStack(string expression)
    {
        // Jint 2 recursed here and needed a guard; Jint 4 walks these chains in a loop.
        Assert.True(_sandbox.EvaluateCondition(expression));
        StillWorks(_sandbox);
    }

    [Fact]
    public void Evaluate_CatastrophicBacktracking_FailsWithTimeoutPromptly() =>
        FailsFast(Sandboxes.Create(new ScriptLimits()), "/(a+)+b/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')", ScriptErrorCodes.Timeout);

    [Fact]
    public void Evaluate_CatastrophicBacktrackingFromAStringPattern_FailsWithTimeout() =>
        FailsFast(Sandboxes.Create(new ScriptLimits()), "'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.match('(a+)+b')", ScriptErrorCodes.Timeout);

    [Fact]
    public void Evaluate_LimitInsideTryCatch_CannotBeCaughtByTheScript() =>
        FailsFast(_sandbox, "var s = 'x'; try { while (true) { s += s; } } catch (e) { 'swallowed' }", ScriptErrorCodes.MemoryLimit);

    [Fact]
    public void Evaluate_StatementLimitInsideTryFinally_StillFails() =>
        FailsFast(_sandbox, "try { while (true) {} } finally { 'cleanup' }", ScriptErrorCodes.StatementLimit);

    [Fact]
    public void Evaluate_ExpressionNestedTooDeeply_FailsAtParseTimeWithRecursionLimit()
    {
        // Brackets of an array literal make a syntax node each (parentheses alone make none).
        var deep = new string('[', 5000) + "1" + new string(']', 5000);

        var failure = FailsFast(_sandbox, deep, ScriptErrorCodes.RecursionLimit);

        Assert.Contains("表达式嵌套层数超过上限", failure.Message);
    }

    [Fact]
    public void Evaluate_ScriptLongerThanTheSourceLimit_FailsWithSizeLimit() =>
        FailsFast(_sandbox, "1" + string.Concat(Enumerable.Repeat(" + 1", 6000)), ScriptErrorCodes.MemoryLimit);

    [Fact]
    public void Evaluate_RecursionWithinTheLimit_Succeeds() =>
        Assert.Equal(
            1_307_674_368_000d,
            _sandbox.Evaluate("function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); } fact(15)")!.GetValue<double>());

    [Fact]
    public void Evaluate_LoopWithinTheLimits_Succeeds() =>
        Assert.Equal(
            499_500,
            _sandbox.Evaluate("var t = 0; for (var i = 0; i < 1000; i++) { t += i; } t")!.GetValue<int>());

    [Fact]
    public void Constructor_NonPositiveLimit_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandboxes.Create(new ScriptLimits { MaxStatements = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandboxes.Create(new ScriptLimits { Timeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Sandboxes.Create(new ScriptLimits { MaxAllocatedBytes = -1 }));
    }

    [Fact]
    public void ScriptLimits_Defaults_AreSizedForOneLineExpressions()
    {
        var limits = new ScriptLimits();
        Assert.Equal(10_000, limits.MaxStatements);
        Assert.Equal(TimeSpan.FromMilliseconds(500), limits.Timeout);
        Assert.Equal(64, limits.MaxRecursionDepth);
        Assert.Equal(32 * 1024 * 1024, limits.MaxAllocatedBytes);
        Assert.Equal(1_000_000, limits.MaxStringLength);
        Assert.Equal(100_000, limits.MaxArrayLength);
    }
}
