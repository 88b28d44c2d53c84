using Workflows.Documents.Templates;

namespace Workflows.Documents.Tests;

public class ChineseFormatTests
{
    [Theory]
    [InlineData("2026-11-22", "chinese", "2026年11月22日")]
    [InlineData("2026-11-22", "upper", "二〇二六年十一月二十二日")]
    [InlineData("2026-01-10", "upper", "二〇二六年一月十日")]
    [InlineData("2030-10-31", "upper", "二〇三〇年十月三十一日")]
    [InlineData("2026-11-16T09:35:00+08:00", "chinese-time", "2026年11月16日 9时35分")]
    [InlineData("2026-11-16T01:05:00Z", "chinese-time", "2026年11月16日 9时05分")]
    [InlineData("2026-11-15T23:30:00Z", "chinese", "2026年11月16日")]
    public void Dates(string value, string style, string expected) => Assert.Equal(expected, ChineseFormats.Date(value, style));

    [Theory]
    [InlineData("100", "人民币壹佰元整")]
    [InlineData("0", "人民币零元整")]
    [InlineData("1005.5", "人民币壹仟零伍元伍角")]
    [InlineData("10010", "人民币壹万零壹拾元整")]
    [InlineData("1000000", "人民币壹佰万元整")]
    [InlineData("0.05", "人民币伍分")]
    [InlineData("12.07", "人民币壹拾贰元零柒分")]
    [InlineData("300020001", "人民币叁亿零贰万零壹元整")]
    public void Amounts(string value, string expected) => Assert.Equal(expected, ChineseFormats.AmountUpper(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Helpers_InATemplate()
    {
        var renderer = new TemplateRenderer();
        var data = System.Text.Json.Nodes.JsonNode.Parse("""{"fee":{"amount":100},"issuedAt":"2026-11-22","limit":15}""")!.AsObject();
        Assert.Equal("人民币壹佰元整 二〇二六年十一月二十二日 2026年11月22日 15个工作日",
            renderer.Render("{{ amountUpper fee.amount }} {{ formatDate issuedAt 'upper' }} {{ issuedAt | formatDate 'chinese' }} {{ workdays limit }}", data));
    }
}
