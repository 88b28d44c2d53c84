using System.Text.Json.Nodes;

namespace Workflows.Scripting.Tests;

/// <summary>
/// The conformance fixtures of the expression language (<c>tests/conformance/expressions.json</c>),
/// run here against the server's sandbox and by vitest against the browser's interpreter
/// (designer/src/forms/interpreter.test.ts): both sides must give the same answers.
/// </summary>
public class ConformanceTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var fixture in Load()) data.Add(fixture["name"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void TheServer_AnswersEachFixtureAsTheBrowserDoes(string name)
    {
        var fixture = Load().Single(f => f["name"]!.GetValue<string>() == name);
        var data = fixture["data"]!.AsObject();
        var today = data["today"] is { } t ? DateOnly.Parse(t.GetValue<string>()) : new DateOnly(2026, 12, 1);
        var sandbox = new ScriptSandbox(Sandboxes.Calendar2026, () => today);
        var scope = new JsonObject
        {
            ["applicant"] = data["applicant"]?.DeepClone() ?? new JsonObject { ["type"] = "person" },
            ["form"] = data["form"]?.DeepClone() ?? new JsonObject(),
            ["materials"] = data["materials"]?.DeepClone() ?? new JsonObject(),
        };
        var actual = sandbox.Evaluate(fixture["expression"]!.GetValue<string>(), scope);
        Assert.True(JsonNode.DeepEquals(fixture["expected"], actual), $"{name}: expected {fixture["expected"]?.ToJsonString()}, got {actual?.ToJsonString()}");
    }

    private static IEnumerable<JsonObject> Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "conformance", "expressions.json"))) dir = dir.Parent;
        var path = Path.Combine(dir?.FullName ?? throw new FileNotFoundException("tests/conformance/expressions.json"), "tests", "conformance", "expressions.json");
        return JsonNode.Parse(File.ReadAllText(path))!["fixtures"]!.AsArray().Select(f => f!.AsObject());
    }
}
