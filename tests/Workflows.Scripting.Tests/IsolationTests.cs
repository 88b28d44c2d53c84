namespace Workflows.Scripting.Tests;

public class IsolationTests
{
    // ES5 globals, minus eval: the sandbox removes Jint 4's later globals (Proxy, Reflect, Promise…) and eval is off.
    private static readonly string[] StandardGlobals =
    [
        "Object", "Function", "Array", "String", "RegExp", "Number", "Boolean", "Date", "Math", "JSON",
        "Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError",
        "parseInt", "parseFloat", "isNaN", "isFinite", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent",
        "NaN", "Infinity", "undefined",
    ];

    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Theory]
    [InlineData("System")]
    [InlineData("importNamespace")]
    [InlineData("clr")]
    [InlineData("require")]
    [InlineData("eval")]
    public void Evaluate_HostAndLoaderNames_AreUndefined(string name) =>
        Assert.Equal("undefined", _sandbox.Evaluate($"typeof {name}")!.GetValue<string>());

    [Fact]
    public void Evaluate_GlobalObject_HoldsOnlyStandardGlobalsHelpersDataAndGuards()
    {
        var names = _sandbox.Evaluate("Object.getOwnPropertyNames(this)")!.AsArray().Select(node => node!.GetValue<string>());

        var allowed = StandardGlobals.Concat(ScriptVocabulary.Globals).ToHashSet();
        var unexpected = names.Where(name => !allowed.Contains(name) && !name.StartsWith('#')).ToList();
        Assert.Empty(unexpected);
    }

    [Theory]
    [InlineData("Function('return 1')()")]
    [InlineData("(function(){}).constructor('return 1')()")]
    [InlineData("Object.getPrototypeOf(function(){}).constructor('return this')()")]
    public void Evaluate_DynamicCodeGeneration_IsRefused(string expression)
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate(expression));

        Assert.Equal(ScriptErrorCodes.Runtime, failure.Code);
        Assert.Contains("不允许动态生成代码", failure.Message);
    }

    [Fact]
    public void Evaluate_WithStatement_IsRefusedAsSyntax()
    {
        // Scripts are strict mode, where with is a syntax error.
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("with ({ '#loop': function(x) { return x; } }) { while (true) {} }"));

        Assert.Equal(ScriptErrorCodes.Syntax, failure.Code);
    }

    [Fact]
    public void Evaluate_GlobalObjectTampering_DoesNotLiftTheStatementLimit() =>
        Assert.Equal(
            ScriptErrorCodes.StatementLimit,
            Assert.Throws<ScriptException>(() => _sandbox.Evaluate("this['#loop'] = function(x) { return x; }; delete this['#loop']; while (true) {}")).Code);

    [Fact]
    public void Evaluate_ChangesToBuiltIns_DoNotReachTheNextEvaluation()
    {
        _sandbox.Evaluate("Array.prototype.indexOf = function() { return 0; }; Math.max = null; 1");

        Assert.Equal(-1, _sandbox.Evaluate("[1, 2].indexOf(3)")!.GetValue<int>());
        Assert.Equal(3, _sandbox.Evaluate("Math.max(1, 3)")!.GetValue<int>());
    }

    [Fact]
    public void Evaluate_GlobalVariables_DoNotReachTheNextEvaluation()
    {
        _sandbox.Evaluate("var leaked = 5; form = 'changed'; idcard = null; 1");

        Assert.Equal("undefined", _sandbox.Evaluate("typeof leaked")!.GetValue<string>());
        Assert.Equal("object", _sandbox.Evaluate("typeof form")!.GetValue<string>());
        Assert.True(_sandbox.EvaluateCondition("idcard.valid('11010519491231002X')"));
    }

    [Fact]
    public void Evaluate_RegularExpressionLiteral_IsAFreshObjectEveryEvaluation()
    {
        // The prepared program is shared between engines; its regex literals must not be.
        const string expression = "var r = /a/; var seen = r.seen; r.seen = true; seen === undefined";

        Assert.True(_sandbox.EvaluateCondition(expression));
        Assert.True(_sandbox.EvaluateCondition(expression));
    }

    [Fact]
    public void Evaluate_GlobalRegularExpressionLiteral_StartsAtLastIndexZeroEveryEvaluation()
    {
        const string expression = "var r = /a/g; r.test('aa'); r.lastIndex";

        Assert.Equal(1, _sandbox.Evaluate(expression)!.GetValue<int>());
        Assert.Equal(1, _sandbox.Evaluate(expression)!.GetValue<int>());
    }

    [Fact]
    public void Evaluate_SameExpressionConcurrently_GivesEachCallerItsOwnResult()
    {
        const string expression = "var s = ''; for (var i = 0; i < form.n; i++) { s += form.tag.replace(/x/g, 'y'); } s.length + ':' + s.charAt(0)";

        var results = new string?[400];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var data = Sandboxes.Data($$$"""{"form":{"n":{{{i % 13}}},"tag":"x{{{i % 5}}}"}}""");
            results[i] = _sandbox.Evaluate(expression, data)!.GetValue<string>();
        });

        for (var i = 0; i < results.Length; i++)
        {
            var n = i % 13;
            var expected = $"{2 * n}:{(n == 0 ? "" : "y")}";
            Assert.Equal(expected, results[i]);
        }
    }

    [Fact]
    public void Evaluate_DistinctExpressionsConcurrently_EachCompileOnceAndAgree()
    {
        var expressions = Enumerable.Range(0, 40).Select(i => $"[{i}, {i} + 1, /\\d/.test('{i}')].join('|')").ToArray();

        var results = new string?[expressions.Length * 10];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            results[i] = _sandbox.Evaluate(expressions[i % expressions.Length])!.GetValue<string>());

        for (var i = 0; i < results.Length; i++)
        {
            var k = i % expressions.Length;
            Assert.Equal($"{k}|{k + 1}|true", results[i]);
        }
    }
}
