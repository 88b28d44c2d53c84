using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Scripting.Checklists;

namespace Workflows.Scripting.Tests;

/// <summary>
/// One scope for every path: materials are <c>{ status, received, deferred, … }</c> objects, as the
/// browser's expressions expect, so the sample kindergarten's deferral branch holds on the server.
/// </summary>
public class ScriptInputsTests
{
    private readonly ScriptSandbox _sandbox = Sandboxes.Create();

    [Theory]
    [InlineData("deferred", true)]
    [InlineData("missing", true)]
    [InlineData("received", false)]
    public void KindergartenDeferralCondition_HoldsExactlyWhenStaffHealthIsNotReceived(string status, bool expected)
    {
        var condition = KindergartenDeferralCondition();
        var data = ScriptInputs.Build(
            new JsonObject { ["type"] = "organization" }, new JsonObject(),
            ScriptInputs.Materials([new MaterialInput("staff-health", status), new MaterialInput("license", "received")]));

        Assert.Equal(expected, _sandbox.EvaluateCondition(condition, data));
    }

    [Fact]
    public void Material_HasItsStatusAndAFlagForEveryStatus()
    {
        var material = ScriptInputs.Material("deferred", note: "补交", catchUpDue: new DateOnly(2026, 3, 2));

        var expected = JsonNode.Parse("""{"status":"deferred","received":false,"deferred":true,"missing":false,"defective":false,"note":"补交","catchUpDue":"2026-03-02"}""");
        Assert.True(JsonNode.DeepEquals(expected, material), material.ToJsonString());
    }

    [Theory]
    [InlineData("""{"staff-health":{"received":false}}""", "missing")]
    [InlineData("""{"staff-health":{"received":false,"deferred":true}}""", "deferred")]
    [InlineData("""{"staff-health":{"received":true}}""", "received")]
    [InlineData("""{"staff-health":"deferred"}""", "deferred")]
    [InlineData("""{"staff-health":{"status":"defective"}}""", "defective")]
    public void MaterialsFromRequest_AcceptsTheWorkbenchShapeAndStatusText(string given, string status) =>
        Assert.Equal(status, ScriptInputs.MaterialsFromRequest(JsonNode.Parse(given))["staff-health"]!["status"]!.GetValue<string>());

    [Fact]
    public void Checklist_ReadsMaterialsInTheSameShape()
    {
        var item = new Workflows.Definitions.Model.ItemDefinition
        {
            Id = "sample",
            Materials = [new() { Id = "catch-up-letter", Name = "承诺书", When = "materials['staff-health'].received == false" }],
        };
        var application = JsonNode.Parse("""{"materials":{"staff-health":{"received":false}}}""")!.AsObject();

        var entry = Assert.Single(new ChecklistEvaluator(_sandbox).Evaluate(item, application));

        Assert.True(entry.Applies);
        Assert.Null(entry.ConditionError);
    }

    private static string KindergartenDeferralCondition()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!Directory.Exists(Path.Combine(directory.FullName, "definitions", "items"))) directory = directory.Parent!;
        var workflow = File.ReadAllText(Path.Combine(directory.FullName, "definitions", "items", "private-kindergarten", "workflow.yaml"));
        var condition = Regex.Match(workflow, @"when: (materials\['staff-health'\].*)").Groups[1].Value.Trim();
        Assert.NotEmpty(condition);
        return condition;
    }
}

public class ScriptConditionExceptionTests
{
    [Fact]
    public void ConditionFailure_NamesTheItemVersionAndExpression_WithAStableCode()
    {
        var cause = Assert.Throws<ScriptException>(() => Sandboxes.Create().EvaluateCondition("form.missing.value == 1"));

        var failure = new ScriptConditionException("private-kindergarten", "v12", "form.missing.value == 1", cause);

        Assert.Equal(ScriptErrorCodes.ConditionFailed, failure.Code);
        Assert.Equal(ScriptErrorCodes.Runtime, failure.Cause.Code);
        Assert.Contains("private-kindergarten", failure.Message);
        Assert.Contains("v12", failure.Message);
        Assert.Contains("form.missing.value == 1", failure.Message);
    }
}
