using System.Text.Json.Nodes;
using Workflows.Documents.Fonts;
using Workflows.Documents.Layout;
using Workflows.Documents.Markup;
using Workflows.Documents.Templates;

namespace Workflows.Documents.Rendering;

public sealed record RenderOptions(OutputMode Mode = OutputMode.Electronic, double OffsetXMm = 0, double OffsetYMm = 0, bool Strict = true)
{
    public static readonly RenderOptions Default = new();
}

/// <summary>A rendered document: the PDF, its pages as laid out (positions in points), and the warnings (fonts).</summary>
public sealed record RenderedDocument(byte[] Pdf, int PageCount, IReadOnlyList<string> Warnings, DisplayList Pages, string Markup);

/// <summary>
/// Template → markup → layout tree → pages → PDF. Thread-safe: each render builds its own tree;
/// compiled templates, fonts and images are shared read-only caches.
/// </summary>
public sealed class DocumentRenderer(TemplateStore store, FontSet fonts, IPdfWriter writer)
{
    private static readonly TemplateRenderer Strict = new(strict: true);
    private static readonly TemplateRenderer Lenient = new(strict: false);

    public TemplateStore Store => store;
    public FontSet Fonts => fonts;

    /// <summary>Renders a template by id, with its sample data when <paramref name="data"/> is null.</summary>
    public RenderedDocument Render(string templateId, JsonObject? data = null, RenderOptions? options = null)
    {
        var path = store.PathOf(templateId);
        return RenderFile(path, data ?? TemplateStore.Sample(path), options ?? RenderOptions.Default);
    }

    public RenderedDocument RenderFile(string path, JsonObject data, RenderOptions options) =>
        RenderText(path, File.ReadAllText(path), data, options);

    /// <summary>Renders <paramref name="text"/> as if it were the template at <paramref name="path"/> (a designer's unsaved draft); errors are located in that file.</summary>
    public RenderedDocument RenderText(string path, string text, JsonObject data, RenderOptions options)
    {
        var markup = RenderMarkup(Display(path), text, data, options.Strict);
        var document = Parse(Display(path), text, markup);
        var pages = document.Layout(fonts, options.Mode, out var context);
        var pdf = writer.Write(pages, new DocumentInfo(TitleOf(markup) ?? store.IdOf(path)), Length.Mm(options.OffsetXMm), Length.Mm(options.OffsetYMm));
        return new RenderedDocument(pdf, pages.Pages.Count, Warnings(context), pages, markup);
    }

    /// <summary>
    /// The PDF's title as a reader's window shows it: the document's own &lt;title&gt; (受理通知书), not the
    /// template id; a template without one keeps its id.
    /// </summary>
    public static string? TitleOf(string markup)
    {
        var match = System.Text.RegularExpressions.Regex.Match(markup, @"<title\b[^>]*>(.*?)</title>", System.Text.RegularExpressions.RegexOptions.Singleline);
        if (!match.Success) return null;
        var text = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(match.Groups[1].Value, "<[^>]+>", ""));
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "").Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Runs the template; its errors come back located in the template file.</summary>
    public static string RenderMarkup(string file, string templateText, JsonObject data, bool strict = true)
    {
        try
        {
            return (strict ? Strict : Lenient).Render(templateText, data);
        }
        catch (DocumentException e) when (e.File is null)
        {
            throw new DocumentException(e.Code, e.Message, file, Math.Max(1, e.Line), Math.Max(1, e.Column));
        }
    }

    /// <summary>Parses the markup a template produced; errors are located in the template (and the markup line is named).</summary>
    public LayoutDocument Parse(string file, string templateText, string markup) => Parse(store, file, templateText, markup);

    /// <summary>Parses markup with the images of <paramref name="images"/>; errors located in the template.</summary>
    public static LayoutDocument Parse(TemplateStore images, string file, string templateText, string markup)
    {
        try
        {
            return new MarkupParser(images.Image).Parse(markup);
        }
        catch (MarkupException e)
        {
            var (line, column) = Locator.Element(templateText, markup, e) ?? (1, 1);
            throw new DocumentException(DocumentException.Markup, $"{e.Message}（生成的标记第 {e.Line} 行）", file, line, column);
        }
    }

    private string Display(string path)
    {
        var parent = Path.GetDirectoryName(store.Root);
        return (parent is null ? path : Path.GetRelativePath(parent, path)).Replace('\\', '/');
    }

    private List<string> Warnings(Layout.Elements.LayoutContext context)
    {
        var warnings = new List<string>();
        foreach (var (family, chars) in context.FallenBack)
            warnings.Add($"主字体 {fonts.Primary.FamilyName} 缺少这些字符，已改用 {family}: {FontSet.Describe(chars)} (set in a fallback font)");
        if (context.Missing.Count > 0)
            warnings.Add($"所有字体都缺少这些字符，显示为缺字框: {FontSet.Describe(context.Missing)} (no font has these characters)");
        return warnings;
    }
}
