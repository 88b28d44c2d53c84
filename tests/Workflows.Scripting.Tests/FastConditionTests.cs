using System.Text.Json.Nodes;

namespace Workflows.Scripting.Tests;

/// <summary>
/// <see cref="ScriptSandbox.EvaluateCondition"/> answers everyday comparisons without an engine;
/// every answer must be the engine's. <c>Evaluate("!!(...)")</c> always runs the engine, so each
/// condition is checked against it over data with every kind of value, missing and null fields,
/// objects, arrays and prototype names.
/// </summary>
public class FastConditionTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    private static readonly string[] Conditions =
    [
        "applicant.type == 'person'", "applicant.type != 'organization'", "applicant.type === 'person'", "applicant.type !== 'person'",
        "form.byAgent == true", "form.byAgent != true", "form.byAgent === true", "form.byAgent", "!form.byAgent",
        "form.count == 3", "form.count == '3'", "form.count === '3'", "form.count >= 3", "form.count < 2.5", "form.count > '2'",
        "form.name == '张三'", "form.name < '李'", "form.name", "form.empty", "form.zero", "form.missing", "form.missing == null",
        "form.missing === undefined", "form.missing === null", "form.nothing == null", "form.nothing === null", "form.nothing == false",
        "form.flag == 1", "form.flag == 'true'", "form.list == 'a'", "form.list.length == 2", "form.nested.level == 'x'",
        "form.nested == null", "form.nested === form.nested", "form.missing.deeper == 1", "form.nothing.deeper == 1",
        "form.name.length == 2", "form.toString == null", "form.constructor", "form['by-agent'] == 'yes'",
        "materials['id-card'] == 'received'", "case.status == 'Received' && form.count > 1 || form.byAgent",
        "!(applicant.type == 'person' && form.byAgent == true)", "form.count == 3 || form.missing.deeper", "form.count == 4 && form.missing.deeper",
        "null == form.missing", "'person' == applicant.type", "3 <= form.count", "form.zero == false", "form.empty == 0",
    ];

    private static readonly string[] DataSets =
    [
        """{"applicant":{"type":"person"},"form":{"byAgent":true,"count":3,"name":"张三","empty":"","zero":0,"nothing":null,"flag":true,"list":["a","b"],"nested":{"level":"x"},"by-agent":"yes"},"materials":{"id-card":"received"},"case":{"status":"Received"}}""",
        """{"applicant":{"type":"organization"},"form":{"byAgent":false,"count":"3","name":"李四","flag":1},"materials":{},"case":{"status":"InProgress"}}""",
        """{"form":{"count":2,"nested":null,"toString":"own"}}""",
        """{"applicant":{"type":"person"},"form":null}""",
        "{}",
    ];

    [Fact]
    public void EvaluateCondition_EverydayComparisons_AnswerAsTheEngineDoes()
    {
        foreach (var data in DataSets)
        {
            foreach (var condition in Conditions)
            {
                var engine = Outcome(() => _sandbox.Evaluate($"!!({condition})", Sandboxes.Data(data))!.GetValue<bool>());
                var fast = Outcome(() => _sandbox.EvaluateCondition(condition, Sandboxes.Data(data)));
                Assert.True(engine == fast, $"{condition} on {data}: engine {engine}, EvaluateCondition {fast}");
            }
        }
    }

    [Fact]
    public void EvaluateCondition_DataNestedPastTheLimit_StillFailsAsTheEngineDoes()
    {
        JsonNode nested = 1;
        for (var level = 0; level < 80; level++) nested = new JsonObject { ["x"] = nested };
        var data = new JsonObject { ["form"] = new JsonObject { ["deep"] = nested, ["a"] = 1 } };
        Assert.Throws<ScriptException>(() => _sandbox.EvaluateCondition("form.a == 1", data));
    }

    private static string Outcome(Func<bool> evaluate)
    {
        try
        {
            return evaluate() ? "true" : "false";
        }
        catch (ScriptException exception)
        {
            return "error " + exception.Code;
        }
    }
}
