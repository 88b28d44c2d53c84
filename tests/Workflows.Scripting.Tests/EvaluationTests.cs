using System.Text.Json.Nodes;

namespace Workflows.Scripting.Tests;

public class EvaluationTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Fact]
    public void Evaluate_ReadsTheData()
    {
        var data = Sandboxes.Data("""
            {"applicant":{"type":"organization","name":"某某学校","uscc":"91350100M000100Y43"},
             "form":{"schoolLevel":"高中","count":3},
             "materials":{"id-card":{"received":true}},
             "case":{"number":"2026-0001"}}
            """);

        Assert.Equal("某某学校/高中/4/true/2026-0001", _sandbox.Evaluate(
            "[applicant.name, form.schoolLevel, form.count + 1, materials['id-card'].received, this['case'].number].join('/')", data)!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_MissingDataRoots_AreEmptyObjects() =>
        Assert.True(_sandbox.EvaluateCondition("form.anything === undefined && typeof applicant === 'object' && typeof materials === 'object'"));

    [Fact]
    public void Evaluate_NullDataRoot_IsNull() =>
        Assert.True(_sandbox.EvaluateCondition("form === null", Sandboxes.Data("""{"form":null}""")));

    [Fact]
    public void Evaluate_UnknownDataKey_IsRejectedAsAHostError() =>
        Assert.Throws<ArgumentException>(() => _sandbox.Evaluate("1", Sandboxes.Data("""{"step":{}}""")));

    [Fact]
    public void Evaluate_DataNestedDeeperThanTheLimit_FailsWithRecursionLimit()
    {
        JsonNode nested = 1;
        for (var level = 0; level < 80; level++)
        {
            nested = new JsonObject { ["a"] = nested };
        }

        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("1", new JsonObject { ["form"] = nested }));

        Assert.Equal(ScriptErrorCodes.RecursionLimit, failure.Code);
    }

    [Fact]
    public void Evaluate_DoesNotChangeTheCallersData()
    {
        var data = Sandboxes.Data("""{"form":{"x":1}}""");

        _sandbox.Evaluate("form.x = 2; form.y = 3; 1", data);

        Assert.Equal("""{"form":{"x":1}}""", data.ToJsonString());
    }

    [Theory]
    [InlineData("1 + 2", "3")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("'a' + 1", "\"a1\"")]
    [InlineData("true && 'yes'", "\"yes\"")]
    [InlineData("[1, 'two', null, [3]]", "[1,\"two\",null,[3]]")]
    [InlineData("({ b: 1, a: [true], skipped: undefined, alsoSkipped: function() {} })", "{\"b\":1,\"a\":[true]}")]
    [InlineData("[undefined, function() {}]", "[null,null]")]
    [InlineData("new Date(Date.UTC(2026, 1, 13))", "\"2026-02-13T00:00:00.000Z\"")]
    [InlineData("({ toJSON: function() { return 'custom'; } })", "\"custom\"")]
    [InlineData("new String('boxed')", "\"boxed\"")]
    public void Evaluate_ResultIsTheJsonOfTheValue(string expression, string expectedJson) =>
        Assert.Equal(expectedJson, _sandbox.Evaluate(expression)!.ToJsonString());

    [Theory]
    [InlineData("undefined")]
    [InlineData("null")]
    [InlineData("0 / 0")]
    [InlineData("1 / 0")]
    [InlineData("(function() {})")]
    [InlineData("var x = 1")]
    public void Evaluate_ValuesWithoutAJsonForm_AreNull(string expression) =>
        Assert.Null(_sandbox.Evaluate(expression));

    [Fact]
    public void Evaluate_NumericResult_ConvertsToClrNumbers()
    {
        var result = _sandbox.Evaluate("6 * 7")!;

        Assert.Equal(42, result.GetValue<int>());
        Assert.Equal(42L, result.GetValue<long>());
        Assert.Equal(42m, result.GetValue<decimal>());
    }

    [Fact]
    public void Evaluate_CyclicResult_FailsAsARuntimeError()
    {
        var failure = Assert.Throws<ScriptException>(() => _sandbox.Evaluate("var a = []; a.push(a); a"));

        Assert.Equal(ScriptErrorCodes.Runtime, failure.Code);
        Assert.Contains("circular", failure.Message);
    }

    [Fact]
    public void Evaluate_LastStatementIsTheResult() =>
        Assert.Equal(6, _sandbox.Evaluate("var a = 1; var b = 2; function sum(x, y) { return x + y; } sum(a, b) * 2")!.GetValue<int>());

    [Theory]
    [InlineData("1", true)]
    [InlineData("'text'", true)]
    [InlineData("[]", true)]
    [InlineData("({})", true)]
    [InlineData("0", false)]
    [InlineData("''", false)]
    [InlineData("0 / 0", false)]
    [InlineData("null", false)]
    [InlineData("undefined", false)]
    [InlineData("form.missing", false)]
    public void EvaluateCondition_UsesJavaScriptTruthiness(string expression, bool expected) =>
        Assert.Equal(expected, _sandbox.EvaluateCondition(expression));

    [Fact]
    public void EvaluateCondition_ComparesFormValues()
    {
        var data = Sandboxes.Data("""{"applicant":{"type":"person"},"form":{"income":5000}}""");

        Assert.True(_sandbox.EvaluateCondition("applicant.type == 'person' && form.income < 6000", data));
        Assert.False(_sandbox.EvaluateCondition("applicant.type == 'organization'", data));
    }

    [Fact]
    public void Evaluate_DatesMadeInScripts_UseBeijingTime() =>
        Assert.Equal(-480, _sandbox.Evaluate("new Date(2026, 1, 13).getTimezoneOffset()")!.GetValue<int>());

    [Fact]
    public void Evaluate_NullExpression_Throws() =>
        Assert.Throws<ArgumentNullException>(() => _sandbox.Evaluate(null!));

    [Fact]
    public void Evaluate_EmptyExpression_IsNull() =>
        Assert.Null(_sandbox.Evaluate(""));

    [Fact]
    public void Evaluate_ResultIsDetachedFromTheEngine()
    {
        var result = _sandbox.Evaluate("({ list: [1, 2] })")!.AsObject();

        result["list"]!.AsArray().Add(3);

        Assert.Equal("""{"list":[1,2,3]}""", result.ToJsonString());
        Assert.IsType<JsonObject>(result);
    }
}
