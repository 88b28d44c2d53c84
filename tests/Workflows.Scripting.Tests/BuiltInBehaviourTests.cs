namespace Workflows.Scripting.Tests;

/// <summary>The guards replace or wrap built-ins; these pin down that ordinary use still behaves as ES5 says.</summary>
public class BuiltInBehaviourTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Theory]
    [InlineData("[1, 2, 3].join('-')", "1-2-3")]
    [InlineData("[1, 2, 3].join()", "1,2,3")]
    [InlineData("[1, null, undefined, 4].join()", "1,,,4")]
    [InlineData("[[1, 2], [3]].join(';')", "1,2;3")]
    [InlineData("String([1, [2, [3]]])", "1,2,3")]
    [InlineData("Array.prototype.join.call({ length: 3, 0: 'a', 2: 'c' }, '+')", "a++c")]
    [InlineData("var a = [1, 2]; a.push(a); String(a)", "1,2,")] // a cycle joins to "" as in browsers
    [InlineData("['a', ['b', 'c']].toLocaleString()", "a,b,c")]
    [InlineData("'ab'.concat('c', 1, null)", "abc1null")]
    public void ArrayAndStringJoining_BehaveAsInES5(string expression, string expected) =>
        Assert.Equal(expected, _sandbox.Evaluate(expression)!.GetValue<string>());

    [Theory]
    [InlineData("'2026-02-13'.replace(/(\\d+)-(\\d+)-(\\d+)/, '$3/$2/$1')", "13/02/2026")]
    [InlineData("'aaa'.replace(/a/g, 'b')", "bbb")]
    [InlineData("'aaa'.replace('a', 'b')", "baa")]
    [InlineData("'abc'.replace('b', '[$&|$`|$\\'|$$]')", "a[b|a|c|$]c")]
    [InlineData("'abc'.replace(/b/, '$9')", "a$9c")]
    [InlineData("'a-b'.replace(/-/g, function(m) { return m + m; })", "a--b")]
    [InlineData("'x'.replace(/y/g, 'z')", "x")]
    public void Replace_BehavesAsInES5(string expression, string expected) =>
        Assert.Equal(expected, _sandbox.Evaluate(expression)!.GetValue<string>());

    [Theory]
    [InlineData("'a,b,,c'.split(',')", "[\"a\",\"b\",\"\",\"c\"]")]
    [InlineData("'abc'.split('')", "[\"a\",\"b\",\"c\"]")]
    [InlineData("'a1b2c'.split(/(\\d)/)", "[\"a\",\"1\",\"b\",\"2\",\"c\"]")]
    [InlineData("'a,b,c'.split(',', 2)", "[\"a\",\"b\"]")]
    [InlineData("'abc'.split()", "[\"abc\"]")]
    [InlineData("'aXbxc'.match(/x/gi)", "[\"X\",\"x\"]")]
    [InlineData("'aaa'.match('a+')[0]", "\"aaa\"")]
    [InlineData("'abc'.search('c')", "2")]
    [InlineData("/b(c)/.exec('abc')", "[\"bc\",\"c\"]")]
    [InlineData("new RegExp('^\\\\d{6}$').test('350100')", "true")]
    [InlineData("RegExp('b', 'g') instanceof RegExp && /x/.constructor === RegExp", "true")]
    public void SplitMatchAndRegExp_BehaveAsInES5(string expression, string expectedJson) =>
        Assert.Equal(expectedJson, _sandbox.Evaluate(expression)!.ToJsonString());

    [Theory]
    [InlineData("JSON.stringify({ a: [1, 'x', null, true], b: undefined })", "{\"a\":[1,\"x\",null,true]}")]
    [InlineData("JSON.stringify({ a: 1, b: [1, 2] }, null, 2)", "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ]\n}")]
    [InlineData("JSON.stringify({ a: 1, b: 2, c: 3 }, ['c', 'a'])", "{\"c\":3,\"a\":1}")]
    [InlineData("JSON.stringify({ a: 1, b: 'x' }, function(k, v) { return typeof v === 'number' ? v * 10 : v; })", "{\"a\":10,\"b\":\"x\"}")]
    [InlineData("JSON.stringify('line\\nbreak \"quoted\" \\u0001')", "\"line\\nbreak \\\"quoted\\\" \\u0001\"")]
    [InlineData("JSON.stringify([new Number(1), new Boolean(false), NaN])", "[1,false,null]")]
    [InlineData("JSON.stringify({}) + JSON.stringify([])", "{}[]")]
    [InlineData("JSON.parse('{\"a\":[1,{\"b\":2}]}').a[1].b", "2")]
    public void Json_BehavesAsInES5(string expression, string expectedText) =>
        Assert.Equal(expectedText, _sandbox.Evaluate(expression)!.ToString());

    [Fact]
    public void JsonStringify_Undefined_IsUndefined() =>
        Assert.True(_sandbox.EvaluateCondition("JSON.stringify(undefined) === undefined && JSON.stringify(function() {}) === undefined"));

    [Fact]
    public void JsonStringify_Cycle_ThrowsATypeErrorTheScriptCanCatch() =>
        Assert.Equal("TypeError", _sandbox.Evaluate("var o = {}; o.self = o; try { JSON.stringify(o); } catch (e) { e.name }")!.GetValue<string>());

    [Theory]
    [InlineData("Array.isArray([1]) && [] instanceof Array && [].constructor === Array", true)]
    [InlineData("new Array(3).length === 3 && Array(1, 2).length === 2 && new Array('3').length === 1", true)]
    [InlineData("[3, 1, 2].sort().join() === '1,2,3'", true)]
    [InlineData("[1, 2, 3].map(function(x) { return x * 2; }).filter(function(x) { return x > 2; }).length === 2", true)]
    [InlineData("[1, 2, 3].slice(1).concat([4], 5).length === 4", true)]
    [InlineData("Math.max.apply(null, [1, 5, 3]) === 5", true)]
    [InlineData("Object.keys({ a: 1, b: 2 }).length === 2", true)]
    [InlineData("(function() { return this; }).bind(7)() == 7", true)]
    [InlineData("typeof Object.create(null) === 'object'", true)]
    [InlineData("parseInt('08', 10) === 8 && parseFloat('1.5') === 1.5 && isNaN('x')", true)]
    [InlineData("var n = 0; do { n++; } while (n < 5); n === 5", true)]
    [InlineData("var k = ''; for (var p in { a: 1, b: 2 }) { k += p; } k === 'ab'", true)]
    [InlineData("outer: for (var i = 0; i < 3; i++) { for (var j = 0; j < 3; j++) { if (j === 1) continue outer; } } i === 3", true)]
    [InlineData("var o = { get v() { return 42; } }; o.v === 42", true)]
    [InlineData("switch (2) { case 1: false; break; case 2: true; break; }", true)]
    public void CommonBuiltIns_StillWork(string expression, bool expected) =>
        Assert.Equal(expected, _sandbox.EvaluateCondition(expression));

    [Fact]
    public void ArrayMethod_OnAnArrayLikeWithAGetterLength_IsRefused()
    {
        // The guard reads the length before the method does; a getter could answer differently the second time.
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate(
            "var n = 0; Array.prototype.indexOf.call({ get length() { return n++ ? 1e9 : 0; } }, 1)"));

        Assert.Equal(ScriptErrorCodes.Runtime, failure.Code);
    }
}
