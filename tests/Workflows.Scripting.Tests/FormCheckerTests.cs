using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Scripting.Forms;

namespace Workflows.Scripting.Tests;

/// <summary>The server's 申请表 check: the browser's rules, hidden fields dropped, conditions run in the sandbox.</summary>
public class FormCheckerTests
{
    private static readonly FormChecker Checker = new(new ScriptSandbox(Sandboxes.Calendar2026, () => new DateOnly(2026, 3, 2)));
    private static readonly JsonObject Person = new() { ["type"] = "person", ["name"] = "张建国", ["idNumber"] = "230903197806123513" };

    private static Form Form() => new()
    {
        ApplicantTypes = [ApplicantType.Person],
        Fields =
        [
            new() { Id = "byAgent", Label = "是否由他人代办", Type = FieldType.Boolean, Required = true },
            new() { Id = "agentName", Label = "代办人姓名", Type = FieldType.Text, Required = true, When = "form.byAgent == true", MaxLength = 4 },
            new() { Id = "rooms", Label = "房间数", Type = FieldType.Number, Min = 1, Max = 50 },
            new() { Id = "staff", Label = "从业人员", Type = FieldType.Table, MaxRows = 2, Columns =
                [new() { Id = "idNumber", Label = "身份证号", Type = FieldType.Idcard, Required = true }] },
            new() { Id = "planned", Label = "计划人数", Type = FieldType.Number },
            new() { Id = "enrolled", Label = "已招人数", Type = FieldType.Number },
        ],
        Rules = [new() { Expression = "form.enrolled <= form.planned", Message = "已招人数不能超过计划人数" }],
    };

    private static IReadOnlyList<(string, string)> Problems(JsonObject values) =>
        Checker.Check(Form(), values, Person).Problems.Select(p => (p.Field, p.Code)).ToList();

    [Fact]
    public void AHiddenField_IsNeitherRequiredNorStored()
    {
        var result = Checker.Check(Form(), new JsonObject { ["byAgent"] = false, ["agentName"] = "王五" }, Person);
        Assert.True(result.Ok);
        Assert.False(result.Values.ContainsKey("agentName"));
    }

    [Fact]
    public void AShownField_IsRequiredAndItsLengthCountsCharacters()
    {
        Assert.Contains(("agentName", "required"), Problems(new JsonObject { ["byAgent"] = true }));
        Assert.Contains(("agentName", "max-length"), Problems(new JsonObject { ["byAgent"] = true, ["agentName"] = "欧阳娜娜娜" }));
        Assert.Empty(Problems(new JsonObject { ["byAgent"] = true, ["agentName"] = "欧阳娜娜" }));
    }

    [Fact]
    public void NumbersOutOfRange_TablesTooLong_AndBadCells_AreEachNamed()
    {
        var problems = Problems(new JsonObject
        {
            ["byAgent"] = false, ["rooms"] = 51,
            ["staff"] = new JsonArray(new JsonObject { ["idNumber"] = "230903197806123514" }),
        });
        Assert.Contains(("rooms", "max"), problems);
        Assert.Contains(("staff.0.idNumber", "idcard"), problems);
        Assert.Contains(("staff", "rows"), Problems(new JsonObject { ["byAgent"] = false, ["staff"] = new JsonArray(new JsonObject(), new JsonObject(), new JsonObject()) }));
    }

    [Fact]
    public void ACrossFieldRule_WaitsForItsFields_ThenHolds()
    {
        Assert.Empty(Problems(new JsonObject { ["byAgent"] = false, ["enrolled"] = 90 }));
        Assert.Contains(("$rules", "rule"), Problems(new JsonObject { ["byAgent"] = false, ["enrolled"] = 90, ["planned"] = 60 }));
    }

    [Fact]
    public void AConditionThatFailsToRun_NamesTheFieldAndTheDefinition_NotTheApplicant()
    {
        var form = Form();
        form.Fields[1].When = "form.byAgent.nothing.deeper == 1";
        var e = Assert.Throws<FormScriptException>(() => Checker.Check(form, new JsonObject { ["byAgent"] = true }, Person));
        Assert.Contains("代办人姓名", e.Where);
    }
}
