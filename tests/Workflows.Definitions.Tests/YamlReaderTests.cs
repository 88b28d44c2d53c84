using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Yaml;

namespace Workflows.Definitions.Tests;

public class YamlReaderTests
{
    [Fact]
    public void DuplicateKey_IsReportedAtTheSecondKey()
    {
        var bag = new DiagnosticBag();

        YamlReader.Read("name: a\nid: b\nname: c\n", "f.yaml", bag);

        var d = Assert.Single(bag.Items);
        Assert.Equal((DiagnosticCodes.DuplicateKey, 3, 1), (d.Code, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void SyntaxError_IsReportedWithItsPosition()
    {
        var bag = new DiagnosticBag();

        var root = YamlReader.Read("a: b\n  c: d\n", "f.yaml", bag);

        Assert.Null(root);
        var d = Assert.Single(bag.Items);
        Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void Anchors_AreRejected()
    {
        var bag = new DiagnosticBag();

        YamlReader.Read("a: &x 1\nb: *x\n", "f.yaml", bag);

        Assert.All(bag.Items, d => Assert.Equal(DiagnosticCodes.YamlSyntax, d.Code));
        Assert.Equal(2, bag.Items.Count);
    }
}
