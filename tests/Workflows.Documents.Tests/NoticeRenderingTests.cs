namespace Workflows.Documents.Tests;

public class NoticeRenderingTests
{
    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Support.Templates, "*.hbs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.ChangeExtension(Path.GetRelativePath(Support.Templates, file), null).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryTemplate_RendersItsSampleToPdf(string id)
    {
        var result = Support.Renderer().Render(id);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(result.Pdf, 0, 5));
        var keep = Environment.GetEnvironmentVariable("WORKFLOWS_KEEP_PDFS");
        if (keep is not null)
        {
            Directory.CreateDirectory(keep);
            File.WriteAllBytes(Path.Combine(keep, id.Replace('/', '_') + ".pdf"), result.Pdf);
        }
    }
}
