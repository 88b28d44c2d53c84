using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Tests;

public class ModelReaderTests
{
    private static (object? Model, DiagnosticBag Bag, SourceMap Map) Parse(FileKind kind, string text)
    {
        var bag = new DiagnosticBag();
        var map = new SourceMap();
        return (DefinitionFile.Parse(kind, text, "f.yaml", map, bag), bag, map);
    }

    [Fact]
    public void MisspeltKey_IsAnErrorAtTheKey_WithASuggestion()
    {
        var (_, bag, _) = Parse(FileKind.Roles, "- id: clerk\n  name: 窗口\n  scop: window\n");

        var d = Assert.Single(bag.Items, d => d.Code == DiagnosticCodes.UnknownKey);
        Assert.Equal((3, 3), (d.Location.Line, d.Location.Column));
        Assert.Contains("'scope'", d.Message);
    }

    [Fact]
    public void UnknownEnumValue_ListsTheAllowedValues()
    {
        var (_, bag, _) = Parse(FileKind.Roles, "- id: clerk\n  name: 窗口\n  scope: windw\n");

        var d = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.InvalidValue, 3, 10), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Contains("window", d.Message);
    }

    [Fact]
    public void MissingRequiredKey_IsReportedAtTheMapping()
    {
        var (_, bag, _) = Parse(FileKind.Roles, "- id: clerk\n  scope: window\n");

        var d = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.MissingKey, 1, 3), (d.Code, d.Location.Line, d.Location.Column));
        Assert.Contains("name", d.Message);
    }

    [Fact]
    public void ListWhereAValueWasExpected_IsAShapeError()
    {
        var (_, bag, _) = Parse(FileKind.Office, "id:\n  - a\n");

        Assert.Contains(bag.Items, d => d.Code == DiagnosticCodes.WrongShape && d.Location.Line == 2);
    }

    [Fact]
    public void BadDuration_IsAnInvalidValue()
    {
        var (_, bag, _) = Parse(FileKind.Workflow, "steps:\n  a:\n    kind: task\n    limit: ten days\n");

        var d = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.InvalidValue, 4, 12), (d.Code, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void StepsMap_KeysBecomeStepIds_AndAreLocated()
    {
        var (model, bag, map) = Parse(FileKind.Workflow, "steps:\n  intake:\n    kind: intake\n    next: end\n  review:\n    kind: task\n    next: end\n");

        var workflow = Assert.IsType<Workflow>(model);
        Assert.Empty(bag.Items);
        Assert.Equal(["intake", "review"], workflow.Steps.Select(s => s.Id));
        Assert.Equal(5, map.Find(workflow.Steps[1], "Id")!.Value.Line);
    }

    [Fact]
    public void EmptyFile_IsReported()
    {
        var (_, bag, _) = Parse(FileKind.Office, "");

        Assert.Equal(DiagnosticCodes.EmptyFile, Assert.Single(bag.Items).Code);
    }

    [Fact]
    public void RequiredKeyWrittenEmpty_IsReportedAtTheKey()
    {
        var (_, bag, _) = Parse(FileKind.Roles, "- id: clerk\n  name:\n  scope: window\n");

        var d = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.MissingKey, 2, 3), (d.Code, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void BlankListItem_IsReportedNotDropped()
    {
        var (_, bag, _) = Parse(FileKind.Windows, "- id: w\n  name: 窗口\n  kind: issuance\n  departments:\n    -\n    - water\n");

        var d = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.InvalidValue, 5, 6), (d.Code, d.Location.Line, d.Location.Column));
    }
}
