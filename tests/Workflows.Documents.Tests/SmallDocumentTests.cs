using System.IO.Compression;
using System.Text.Json.Nodes;
using Workflows.Documents.Fonts;

namespace Workflows.Documents.Tests;

/// <summary>
/// The one-page 受理通知书 stays small (sizes are deterministic, so these are regression bounds, not
/// timings): the seal drawn as vectors or embedded as a one-ink stencil, fonts as subsets that carry
/// only the used glyphs; and everything in it still reads back as text.
/// </summary>
public class SmallDocumentTests
{
    private const string Notice = "notices/acceptance";

    private static JsonObject Sample(string? seal = null)
    {
        var sample = Support.Sample(Notice);
        // Acceptance notices are sealed by the department (委托受理: in its name, with the delegation line).
        if (seal is not null) sample["department"]!["seal"] = seal;
        return sample;
    }

    [Fact]
    public void OnePageNotice_WithDrawnSeal_IsAtMost40KB_AndItsFontsAreEmbeddedSubsets()
    {
        using var folder = new Support.TempFolder();
        var document = Support.Renderer().Render(Notice, Sample("drawn"));
        Assert.Equal(1, document.PageCount);
        Assert.True(document.Pdf.Length <= 40 * 1024, $"the notice is {document.Pdf.Length / 1024.0:0.0} KB");
        var pdf = Support.WritePdf(folder, document.Pdf);
        var fonts = Support.Run("pdffonts", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.Contains(fonts, l => l.Contains("+AR PL SungtiL GB") && l.Contains("CID TrueType") && l.Contains("Identity-H"));
        Assert.All(fonts, l => Assert.Matches(@"^[A-Z]{6}\+.*\byes\s+yes\s+yes\s+\d+\s+\d+\s*$", l));
        Assert.Contains("本机关决定予以受理", Support.Compact(Support.Text(pdf)));
        Assert.DoesNotContain(Support.Run("pdfimages", "-list", pdf).Split('\n').Skip(2), l => l.Trim().Length > 0);   // the seal is vectors
    }

    [Fact]
    public void DrawnSeal_IsText_TheOrganisationAlongTheRingAndTheLineUnderTheStar()
    {
        using var folder = new Support.TempFolder();
        var sample = Sample("drawn:业务专用章");
        var organisation = sample["department"]!["name"]!.ToString();
        var drawn = Support.Text(Support.WritePdf(folder, Support.Renderer().Render(Notice, sample).Pdf, "drawn.pdf"));
        var plain = Support.Text(Support.WritePdf(folder, Support.Renderer().Render(Notice, Sample("")).Pdf, "plain.pdf"));
        Assert.Contains("业务专用章", Support.Compact(drawn));
        Assert.DoesNotContain("业务专用章", Support.Compact(plain));
        // Each character of the name once more than without a seal (the ring's copy), and of the line under the star.
        foreach (var c in organisation.Distinct())
            Assert.Equal(plain.Count(x => x == c) + organisation.Count(x => x == c) + "业务专用章".Count(x => x == c), drawn.Count(x => x == c));
    }

    [Fact]
    public void SealImageOfOneInk_IsEmbeddedAsAStencil_NotAsAnRgbImageWithAMask()
    {
        using var folder = new Support.TempFolder();
        var document = Support.Renderer().Render(Notice, Sample());
        var pdf = Support.WritePdf(folder, document.Pdf);
        var images = Support.Run("pdfimages", "-list", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        var image = Assert.Single(images);
        Assert.Matches(@"\bstencil\s+\d+\s+\d+\s+-\s+1\s+1\b", image);   // the department's seal image, one ink
        // 157 KB with the RGB image and its soft mask and PDFsharp's subsets; the bound leaves room for the text.
        Assert.True(document.Pdf.Length <= 48 * 1024, $"the notice is {document.Pdf.Length / 1024.0:0.0} KB");
    }

    [Fact]
    public void LatinLettersTheSongFaceLacks_AreSetInTheFallbackFace_AndExtract()
    {
        // gbsn00lp has no Ä or € (PDFsharp's own text drawing dropped them silently).
        Assert.False(Support.Fonts.Primary.Has('Ä'));
        Assert.False(Support.Fonts.Primary.Has('€'));
        using var folder = new Support.TempFolder();
        var sample = Sample("drawn");
        sample["applicant"]!["name"] = "Jürgen Ämter €";
        var document = Support.Renderer().Render(Notice, sample);
        Assert.Contains(document.Warnings, w => w.Contains("Ä (U+00C4)") && w.Contains("€ (U+20AC)") && w.Contains("WenQuanYi Zen Hei"));
        var pdf = Support.WritePdf(folder, document.Pdf);
        Assert.Contains("JürgenÄmter€：", Support.Compact(Support.Text(pdf)));
        Assert.Contains("WenQuanYi Zen Hei", Support.Run("pdffonts", pdf));
    }

    [Fact]
    public void Subset_CarriesOnlyTheUsedGlyphs()
    {
        var face = Support.Fonts.Primary;
        var glyphs = "受理通知书".Select(c => face.Glyph(c)).ToList();
        var subset = TrueTypeSubsetter.Subset(face, glyphs);
        // The whole face is megabytes; five glyphs and empty entries up to the highest id are a few KB.
        Assert.True(subset.Length < face.Data.Length / 50, $"{subset.Length} bytes");
        using var deflated = new MemoryStream();
        using (var zlib = new ZLibStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(subset);
        var compressed = deflated.Length;
        Assert.True(compressed < 6 * 1024, $"{compressed} bytes deflated");
    }
}
