using static Workflows.Scripting.Tests.FailureAssert;

namespace Workflows.Scripting.Tests;

/// <summary>
/// The attacks of shared/PACKAGES.md against Jint 4, each stopped by its limit with its code,
/// the next evaluation fine and the process alive (a stack overflow or an out-of-memory would end
/// this test run). <see cref="FailureAssert.FailsFast"/> bounds time and allocation loosely: the
/// assertion is the code, not the speed.
/// </summary>
public class AttackTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Theory]
    [InlineData("var s = 'x'; while (true) { s = s + s; }")]
    [InlineData("var s = 'x'; while (true) { s += s; }")]
    [InlineData("var s = 'x'; for (;;) s = s.concat(s)")]
    [InlineData("var s = 'x'; while (true) s = (s + s) + (s + s)")]
    public void StringDoubling_IsStoppedByTheMemoryOrStringLimit(string attack) =>
        FailsFast(_sandbox, attack, ScriptErrorCodes.MemoryLimit);

    [Fact]
    public void StringDoublingInsideOneStatement_IsRefusedBeforeItRuns()
    {
        // Jint 4.18 does not charge a += to the memory limit inside one statement.
        var failure = FailsFast(_sandbox, "var s = 'x'; s += s, s += s, s += s", ScriptErrorCodes.MemoryLimit);

        Assert.Contains("+=", failure.Message);
        Assert.Equal((1, 22), (failure.Line, failure.Column));
    }

    [Theory]
    [InlineData("'x'.repeat(5e8)")]
    [InlineData("'xy'.repeat(1e6)")]
    [InlineData("''.padStart(5e8, 'x')")]
    [InlineData("'x'.padEnd(5e8)")]
    [InlineData("var s = 'x'.repeat(1e6); var a = []; for (var i = 0; i < 100; i++) a.push(s); a.join('')")]
    [InlineData("var s = 'x'.repeat(1e6); [s, s].join()")]
    [InlineData("var s = 'x'.repeat(1e6); String([s, s])")]
    [InlineData("var s = 'x'.repeat(5e5); s.replace(/x/g, '$&$&')")]
    [InlineData("var s = 'x'.repeat(5e5); s.replaceAll('x', 'yyy')")]
    [InlineData("var s = 'x'.repeat(6e5); s.concat(s)")]
    public void GrowthInsideOneNativeCall_IsRefusedBeforeItAllocates(string attack) =>
        FailsFast(_sandbox, attack, ScriptErrorCodes.MemoryLimit);

    [Theory]
    [InlineData("new Array(1e9)")]
    [InlineData("var a = []; a[4294967294] = 1; a.sort()")]
    [InlineData("var a = []; a.length = 1e9; a.fill(0)")]
    [InlineData("Array.prototype.map.call({ length: 1e9 }, function(x) { return x; })")]
    [InlineData("var a = []; for (var i = 0; i < 200000; i++) a[i] = i")]
    public void HugeArrays_AreStoppedByTheArrayLimit(string attack) =>
        FailsFast(_sandbox, attack, attack.Contains("200000") ? ScriptErrorCodes.StatementLimit : ScriptErrorCodes.MemoryLimit);

    [Theory]
    [InlineData("/(a+)+b/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')")]
    [InlineData("/^(a|aa)+$/.test(Array(60).join('a') + 'b')")]
    [InlineData("new RegExp('(x+x+)+y').exec('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')")]
    [InlineData("'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'.replace(/(a+)+b/, '')")]
    public void CatastrophicRegex_IsStoppedByTheRegexTimeout(string attack) =>
        FailsFast(Sandboxes.Create(new ScriptLimits { Timeout = TimeSpan.FromSeconds(10), RegexTimeout = TimeSpan.FromMilliseconds(100) }),
            attack, ScriptErrorCodes.Timeout, allocationMatters: false);

    [Theory]
    [InlineData("new Function('return this')()", "不允许动态生成代码")]
    [InlineData("Function('return 1')()", "不允许动态生成代码")]
    [InlineData("(function(){}).constructor('return this')()", "不允许动态生成代码")]
    [InlineData("({})['constr' + 'uctor']['constr' + 'uctor']('return this')()", "不允许动态生成代码")]
    [InlineData("[].map.constructor('return 1')()", "不允许动态生成代码")]
    [InlineData("eval('1')", "eval is not defined")]
    [InlineData("this['ev' + 'al']('1')", "TypeError")]
    [InlineData("typeof Reflect === 'undefined' ? Proxy : 1", "Proxy is not defined")]
    public void DynamicCode_IsRefusedAtRunTime(string attack, string because)
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate(attack));

        Assert.Equal(ScriptErrorCodes.Runtime, failure.Code);
        Assert.Contains(because, failure.Message);
        StillWorks(_sandbox);
    }

    [Theory]
    [InlineData("function f() { return f(); } f()")]
    [InlineData("function f(n) { return [n].map(function(x) { return f(x + 1); }); } f(0)")]
    [InlineData("var o = {}; o.toString = String.prototype.trim; String(o)")]
    [InlineData("var o = {}; o.toString = o.toLocaleString; '' + o")]
    [InlineData("var e = new Error(); e.message = e; String(e)")]
    [InlineData("var r = {}; r.source = r; r.toString = RegExp.prototype.toString; String(r)")]
    [InlineData("var o = {}; o.toJSON = function() { return JSON.stringify(o); }; JSON.stringify(o)")]
    public void DeepRecursion_IsStoppedByTheRecursionLimit(string attack) =>
        FailsFast(_sandbox, attack, ScriptErrorCodes.RecursionLimit);

    [Fact]
    public void Attack_ThenAnOrdinaryCondition_OnTheSameSandbox_IsFine()
    {
        Assert.Throws<ScriptException>(() => _sandbox.Evaluate("'x'.repeat(5e8)"));
        Assert.Throws<ScriptException>(() => _sandbox.Evaluate("function f() { return f(); } f()"));

        Assert.True(_sandbox.EvaluateCondition("applicant.type == 'person' && age('2000-01-01') >= 18", Sandboxes.Data("""{"applicant":{"type":"person"}}""")));
    }
}
