using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Json;
using Workflows.Definitions.Model;
using Workflows.Scripting.Forms;

namespace Workflows.Scripting.Tests;

/// <summary>
/// The 申请表 conformance fixtures (<c>tests/conformance/forms.json</c>), run here against the
/// server's <see cref="FormChecker"/> and by vitest against the browser's validateForm: the same
/// problem, in the same words, on the same field.
/// </summary>
public class FormConformanceTests
{
    private static readonly Lazy<JsonObject> Document = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "tests", "conformance", "forms.json"))) dir = dir.Parent;
        return JsonNode.Parse(File.ReadAllText(Path.Combine(dir!.FullName, "tests", "conformance", "forms.json")))!.AsObject();
    });

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Document.Value["fixtures"]!.AsArray()) data.Add(f!["name"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void TheServer_FindsTheProblemsTheBrowserShows(string name)
    {
        var form = Document.Value["form"].Deserialize<Form>(DefinitionJson.Options)!;
        var fixture = Document.Value["fixtures"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!;
        var checker = new FormChecker(new ScriptSandbox(Sandboxes.Calendar2026, () => new DateOnly(2026, 12, 1)));
        var result = checker.Check(form, fixture["values"]!.AsObject().DeepClone().AsObject(), Document.Value["applicant"]!.AsObject());
        var expected = fixture["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.GetValue<string>());
        var actual = result.Problems.ToDictionary(p => p.Field, p => p.Message);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
    }
}
