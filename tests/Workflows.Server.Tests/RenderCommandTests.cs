namespace Workflows.Server.Tests;

public class RenderCommandTests
{
    [Fact]
    public void Render_WithTheSampleData_WritesTheNoticeAsPdf()
    {
        using var county = new Repo.SampleCounty();
        var output = Path.Combine(county.Root, "acceptance.pdf");
        var result = Repo.Cli(county.Root, "render", "notices/acceptance", "--out", output);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("1 页", result.Out);
        var text = Pdf.Text(output);
        Assert.Contains("受理通知书", text);
        Assert.Contains("王晓雪", text);
    }

    [Fact]
    public void Render_WithGivenData_UsesIt()
    {
        using var county = new Repo.SampleCounty();
        var data = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(county.Root, "templates", "notices", "refusal.sample.json")))!;
        data["applicant"]!["name"] = "钱多多";
        var file = Path.Combine(county.Root, "case.json");
        File.WriteAllText(file, data.ToJsonString());
        var output = Path.Combine(county.Root, "refusal.pdf");
        var result = Repo.Cli(county.Root, "render", "notices/refusal", "--data", file, "--out", output);
        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("钱多多：", Pdf.Text(output));
    }

    [Fact]
    public void Render_OfABrokenTemplate_PrintsALocatedErrorAndExitsOne()
    {
        using var county = new Repo.SampleCounty();
        var path = Path.Combine(county.Root, "templates", "notices", "acceptance.sbn");
        File.WriteAllText(path, File.ReadAllText(path).Replace("{{ end }}", ""));
        var result = Repo.Cli(county.Root, "render", "notices/acceptance", "--out", Path.Combine(county.Root, "x.pdf"));
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"templates/notices/acceptance\.sbn:\d+:\d+: error WF5001: ", result.Error);
        Assert.False(File.Exists(Path.Combine(county.Root, "x.pdf")));
    }
}
