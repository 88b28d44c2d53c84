using System.Text.Json.Nodes;
using Workflows.Documents.Rendering;
using Workflows.Documents.Templates;

namespace Workflows.Documents.Tests;

/// <summary>
/// The context templates run in: data printed literally (escaped for the layout markup), limits
/// that stop a render with WF5007 instead of shortening the document, and nothing but plain data in reach.
/// </summary>
public class TemplateContextTests
{
    private const string Head = "<document size=\"A4\" font-size=\"15.75pt\">\n";

    [Fact]
    public void FormValueWithMarkupCharacters_PrintsLiterally()
    {
        const string hostile = "A&B <b>加粗</b></p><qr value=\"x\"/> \"引号\" 'x'";
        using var scratch = new ScratchTemplate(Head + "  <p>单位：{{ applicant.name }}</p>\n  <signature date=\"{{ applicant.name }}\">中心</signature>\n</document>");
        var document = scratch.Render(new JsonObject { ["applicant"] = new JsonObject { ["name"] = hostile } });

        Assert.Contains("A&amp;B &lt;b&gt;加粗&lt;/b&gt;&lt;/p&gt;&lt;qr", document.Markup);
        Assert.DoesNotContain("<qr", document.Markup);
        var text = Support.Text(scratch.WritePdf(document));
        Assert.Contains("单位：A&B <b>加粗</b></p><qr value=\"x\"/> \"引号\" 'x'", text);
    }

    [Fact]
    public void MaterialTable_EscapesTheMaterialsButWritesItsOwnMarkup()
    {
        var data = JsonNode.Parse("""{"materials":[{"name":"<营业执照>&副本","kind":"原件","copies":1,"form":"纸质"}]}""")!.AsObject();
        var markup = new TemplateRenderer().Render("{{ materialTable materials }}", data);
        Assert.StartsWith("<table widths=", markup);
        Assert.Contains("<cell>&lt;营业执照&gt;&amp;副本</cell>", markup);
    }

    [Fact]
    public void LoopBeyondTheLimit_ThrowsWithItsCode()
    {
        var renderer = new TemplateRenderer(limits: new TemplateLimits(Loops: 100));
        var data = new JsonObject { ["items"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode?)i).ToArray()) };
        var e = Assert.Throws<DocumentException>(() => renderer.Render("x\n{{ for i in items }}{{ i }}{{ end }}", data));
        Assert.Equal(DocumentException.TemplateLimit, e.Code);
        Assert.Equal(2, e.Line);
        Assert.Equal(100, renderer.Render("{{ for i in items limit:100 }}x{{ end }}", data).Length);
    }

    [Fact]
    public void RangeAndWhileLoops_AreLimitedToo()
    {
        var renderer = new TemplateRenderer();
        Assert.Equal(DocumentException.TemplateLimit, Assert.Throws<DocumentException>(() => renderer.Render("{{ for i in 1..100000 }}{{ end }}", new JsonObject())).Code);
        Assert.Equal(DocumentException.TemplateLimit, Assert.Throws<DocumentException>(() => renderer.Render("{{ while true }}x{{ end }}", new JsonObject())).Code);
    }

    [Fact]
    public void Recursion_IsLimited()
    {
        var e = Assert.Throws<DocumentException>(() => new TemplateRenderer().Render("{{ func f(n)\n ret f(n + 1)\nend }}{{ f 1 }}", new JsonObject()));
        Assert.Equal(DocumentException.TemplateLimit, e.Code);
    }

    [Fact]
    public void LongValueAndLongOutput_ThrowInsteadOfTruncating()
    {
        var renderer = new TemplateRenderer(limits: new TemplateLimits(StringLength: 1000, Output: 5000));
        var data = new JsonObject { ["long"] = new string('字', 1001), ["short"] = new string('字', 900) };
        Assert.Equal(DocumentException.TemplateLimit, Assert.Throws<DocumentException>(() => renderer.Render("{{ long }}", data)).Code);
        Assert.Equal(DocumentException.TemplateLimit, Assert.Throws<DocumentException>(() => renderer.Render("{{ for i in 1..10 }}{{ short }}{{ end }}", data)).Code);
        Assert.Equal(900, renderer.Render("{{ short }}", data).Length);
    }

    [Fact]
    public void NoDotNetObjectIsReachable()
    {
        var renderer = new TemplateRenderer();
        var data = JsonNode.Parse("""{"s":"abc","n":5,"o":{"a":1}}""")!.AsObject();
        // Members of the .NET values behind the data (string.Length, Int64, the ScriptObject's own properties) are not data.
        foreach (var template in new[] { "{{ s.Length }}", "{{ n.GetType }}", "{{ o.Count }}", "{{ o.IsReadOnly }}" })
            Assert.Equal(DocumentException.TemplateRender, Assert.Throws<DocumentException>(() => renderer.Render(template, data)).Code);
        // Scriban's modules that reach .NET (date.now, object.eval, include, regex, timespan, html) are not there.
        foreach (var template in new[] { "{{ date.now }}", "{{ object.eval '1' }}", "{{ include 'x' }}", "{{ regex.match 'a' 'a' }}", "{{ timespan.from_days 1 }}" })
            Assert.Equal(DocumentException.TemplateRender, Assert.Throws<DocumentException>(() => renderer.Render(template, data)).Code);
        Assert.Equal("ABC 3 6", renderer.Render("{{ s | string.upcase }} {{ s.size }} {{ n + o.a }}", data));
    }

    [Fact]
    public void EmptyValues_AreFalse_AsInTheFormerTemplates()
    {
        var data = JsonNode.Parse("""{"s":"","z":0,"a":[],"n":null,"t":"x"}""")!.AsObject();
        Assert.Equal("FFFFT", new TemplateRenderer().Render("{{ for v in [s, z, a, n, t] }}{{ if v }}T{{ else }}F{{ end }}{{ end }}", data));
    }

    [Fact]
    public void TemplateCannotChangeTheDataOfTheNextRender()
    {
        var renderer = new TemplateRenderer();
        var data = new JsonObject { ["name"] = "王晓雪" };
        Assert.Equal("改", renderer.Render("{{ name = '改' }}{{ name }}", data));
        Assert.Equal("王晓雪", renderer.Render("{{ name }}", data));
    }
}
