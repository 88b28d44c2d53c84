using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Yaml;

namespace Workflows.Definitions.Tests;

public class YamlWriterTests
{
    [Theory]
    [InlineData("230903")]
    [InlineData("12345")]
    [InlineData("true")]
    [InlineData("no")]
    [InlineData("2026-01-01")]
    [InlineData("1.5")]
    [InlineData("0x1F")]
    [InlineData("- 开头")]
    [InlineData("key: value")]
    [InlineData("注释 #1")]
    [InlineData("'quoted'")]
    [InlineData("{short-name}-{year}")]
    [InlineData(" leading space")]
    [InlineData("")]
    [InlineData("tab\there")]
    public void String_ThatWouldReadAsSomethingElse_IsQuotedAndReadsBack(string value)
    {
        var text = YamlWriter.Write(new YamlMapping([new(new YamlScalar("k", ScalarStyle.Quoted, 0, 0), new YamlScalar(value, ScalarStyle.Quoted, 0, 0))], 0, 0));

        var root = (YamlMapping)YamlReader.Read(text, "t.yaml", new DiagnosticBag())!;

        Assert.StartsWith("k: \"", text);
        Assert.Equal(value, ((YamlScalar)root["k"]!).Value);
    }

    [Theory]
    [InlineData("教师资格认定")]
    [InlineData("周一至周五 上午8:30—12:00，下午13:30—17:00")]
    [InlineData("applicant.type == 'person'")]
    [InlineData("0464-8271234")]
    public void PlainSafeString_IsWrittenWithoutQuotes(string value)
    {
        var text = YamlWriter.Write(new YamlMapping([new(new YamlScalar("k", ScalarStyle.Quoted, 0, 0), new YamlScalar(value, ScalarStyle.Quoted, 0, 0))], 0, 0));

        Assert.Equal($"k: {value}\n", text);
    }

    [Fact]
    public void MultiLineString_IsWrittenAsLiteralBlock_AndReadsBack()
    {
        var value = "第一行\n第二行\n";
        var text = YamlWriter.Write(new YamlMapping([new(new YamlScalar("text", ScalarStyle.Quoted, 0, 0), new YamlScalar(value, ScalarStyle.Literal, 0, 0))], 0, 0));

        var root = (YamlMapping)YamlReader.Read(text, "t.yaml", new DiagnosticBag())!;

        Assert.Equal("text: |\n  第一行\n  第二行\n", text);
        Assert.Equal(value, ((YamlScalar)root["text"]!).Value);
    }

    [Fact]
    public void SequenceOfMappings_PutsFirstKeyOnTheDashLine()
    {
        var item = new YamlMapping([
            new(new YamlScalar("id", ScalarStyle.Quoted, 0, 0), new YamlScalar("a", ScalarStyle.Quoted, 0, 0)),
            new(new YamlScalar("name", ScalarStyle.Quoted, 0, 0), new YamlScalar("甲", ScalarStyle.Quoted, 0, 0)),
        ], 0, 0);
        var text = YamlWriter.Write(new YamlMapping([new(new YamlScalar("list", ScalarStyle.Quoted, 0, 0), new YamlSequence([item], 0, 0))], 0, 0));

        Assert.Equal("list:\n  - id: a\n    name: 甲\n", text);
    }
}
