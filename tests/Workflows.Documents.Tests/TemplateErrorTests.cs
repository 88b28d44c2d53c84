using System.Text.Json.Nodes;
using Workflows.Documents.Rendering;
using Workflows.Documents.Templates;

namespace Workflows.Documents.Tests;

/// <summary>A broken template is a located error (file:line:col and a stable code), never a crash.</summary>
public class TemplateErrorTests
{
    private const string Head = "<document size=\"A4\" font-size=\"15.75pt\">\n";

    private static DocumentException Fails(string template, JsonObject? data = null)
    {
        using var scratch = new ScratchTemplate(template, data);
        return Assert.Throws<DocumentException>(() => scratch.Render());
    }

    [Fact]
    public void UnclosedBlock_IsASyntaxErrorAtTheBlock()
    {
        var e = Fails(Head + "  <p>{{ applicant.name }}</p>\n  {{ if verifyUrl }}\n  <p>扫码</p>\n</document>", new JsonObject { ["applicant"] = new JsonObject { ["name"] = "王晓雪" }, ["verifyUrl"] = "x" });
        Assert.Equal(DocumentException.TemplateSyntax, e.Code);
        Assert.Equal((3, 6), (e.Line, e.Column));   // the if that lacks its end, not the end of the file where Scriban notices
        Assert.Matches(@"^templates/notices/scratch\.sbn:3:6: error WF5001: ", e.ToString());
    }

    [Fact]
    public void ParseError_IsLocatedByScriban()
    {
        var e = Fails(Head + "  <p>{{ applicant.name }}</p>\n  <p>{{ applicant. }}</p>\n</document>");
        Assert.Equal(DocumentException.TemplateSyntax, e.Code);
        Assert.Equal(3, e.Line);
        Assert.InRange(e.Column, 8, 20);
    }

    [Fact]
    public void CaseAsAName_IsASyntaxErrorThatSaysWhatToWrite()
    {
        var e = Fails(Head + "  <p>{{ case.number }}</p>\n</document>");
        Assert.Equal(DocumentException.TemplateSyntax, e.Code);
        Assert.Contains("this.case.number", e.Message);
    }

    [Fact]
    public void UnknownField_IsAnErrorAtItsReference()
    {
        var e = Fails(Head + "  <p>申请人：{{ applicant.nmae }}</p>\n</document>", new JsonObject { ["applicant"] = new JsonObject { ["name"] = "王晓雪" } });
        Assert.Equal(DocumentException.TemplateRender, e.Code);
        Assert.Equal((2, 23), (e.Line, e.Column));
        Assert.Contains("applicant.nmae", e.Message);
    }

    [Fact]
    public void UnknownElement_IsAMarkupErrorAtItsTag()
    {
        var e = Fails(Head + "  <p>受理通知书</p>\n  <para>正文</para>\n</document>");
        Assert.Equal(DocumentException.Markup, e.Code);
        Assert.Equal((3, 3), (e.Line, e.Column));
        Assert.Contains("para", e.Message);
    }

    [Fact]
    public void BadAttributeValue_IsAMarkupErrorAtTheAttribute()
    {
        var e = Fails(Head + "  <p>一</p>\n  <p>二</p>\n  <p indent=\"2字\">三</p>\n</document>");
        Assert.Equal(DocumentException.Markup, e.Code);
        Assert.Equal((4, 6), (e.Line, e.Column));
    }

    [Fact]
    public void BadHelperArgument_IsARenderErrorAtTheCall()
    {
        var e = Fails(Head + "  <p>一</p>\n  <p>{{ formatDate issuedAt 'chinese' }}</p>\n</document>", new JsonObject { ["issuedAt"] = "2026/11/16" });
        Assert.Equal(DocumentException.TemplateRender, e.Code);
        Assert.Equal((3, 9), (e.Line, e.Column));
        Assert.Contains("2026/11/16", e.Message);
    }

    [Fact]
    public void MissingSealImage_IsAnErrorNamingTheImage()
    {
        var e = Fails(Head + "  <signature date=\"2026年11月16日\" seal=\"seals/nowhere.png\">七台河市桃山区政务服务中心</signature>\n</document>");
        Assert.Equal(DocumentException.Markup, e.Code);
        Assert.Contains("seals/nowhere.png", e.Message);
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void UnknownTemplateId_IsNotFoundAndCannotLeaveTheFolder()
    {
        var renderer = Support.Renderer();
        Assert.Equal(DocumentException.UnknownTemplate, Assert.Throws<DocumentException>(() => renderer.Render("notices/nothing")).Code);
        Assert.Equal(DocumentException.UnknownTemplate, Assert.Throws<DocumentException>(() => renderer.Render("../definitions/office")).Code);
    }

    [Fact]
    public void Checker_ReportsAFieldTheSampleCannotHave_AsALocatedWarning()
    {
        using var scratch = new ScratchTemplate(
            Head + "  <p>{{ applicant.name }}</p>\n  {{ for material in materials }}\n  <p>{{ material.name }}：{{ material.standrad }}</p>\n  {{ end }}\n  <p>{{ formatDate this.case.acceptedAt 'chinese' }}</p>\n</document>",
            JsonNode.Parse("""{"applicant":{"name":"王晓雪"},"materials":[{"name":"身份证","standard":"原件"}],"case":{"acceptedAt":null}}""")!.AsObject());
        var problems = new ScribanTemplateChecker().Check(scratch.TemplatePath, File.ReadAllText(scratch.TemplatePath)).ToList();
        var problem = Assert.Single(problems);
        Assert.True(problem.IsWarning);
        Assert.Equal((4, 38), (problem.Line, problem.Column));
        Assert.Contains("material.standrad", problem.Message);
    }

    [Fact]
    public void Checker_FollowsNamesThroughLoopsPipesAndAssignments()
    {
        var sample = JsonNode.Parse("""{"applicant":{"name":"王晓雪"},"reasons":["甲"],"materials":[],"issuedAt":"2026-11-16"}""")!.AsObject();
        var template = Head + "  {{ who = applicant.name }}<p>{{ who }}{{ issuedAt | formatDate 'upper' }}</p>\n"
            + "  {{ for reason in reasons }}<p>{{ for.index + 1 }}{{ reason }}{{ string.size reason }}</p>{{ end }}\n"
            + "  {{ for material in materials }}<p>{{ material.anything }}</p>{{ end }}\n"
            + "  <p>{{ applicant.nmae | string.upcase }}{{ missing }}</p>\n</document>";
        var problems = FieldChecker.Check(template, sample);
        Assert.Equal(["applicant.nmae@5:19", "missing@5:45"], problems.Select(p => $"{p.Path}@{p.Line}:{p.Column}"));
    }

    [Fact]
    public void Checker_ReportsBadMarkupFromTheSample_AsALocatedError()
    {
        using var scratch = new ScratchTemplate(Head + "  <p>{{ applicant.name }}</p>\n  <qr size=\"25mm\"/>\n</document>",
            new JsonObject { ["applicant"] = new JsonObject { ["name"] = "王晓雪" } });
        var problem = Assert.Single(new ScribanTemplateChecker().Check(scratch.TemplatePath, File.ReadAllText(scratch.TemplatePath)));
        Assert.False(problem.IsWarning);
        Assert.Equal((3, 3), (problem.Line, problem.Column));
        Assert.Contains("value", problem.Message);
    }

    [Fact]
    public void Checker_AcceptsEveryShippedTemplate()
    {
        foreach (var path in Directory.GetFiles(Support.Templates, "*.sbn", SearchOption.AllDirectories))
            Assert.Empty(new ScribanTemplateChecker().Check(path, File.ReadAllText(path)));
    }
}
