using System.Text.Json.Nodes;
using Workflows.Documents.Fonts;

namespace Workflows.Documents.Tests;

public class FontTests
{
    private const string Song = "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf";
    private const string Hei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc";

    [Fact]
    public void TtcFace_IsExtractedAsAStandaloneTrueTypeFont()
    {
        var face = TrueTypeReader.Load(Hei, 0);
        Assert.Equal("WenQuanYi Zen Hei", face.FamilyName);
        Assert.True(face.Has('喆'));
        // The extracted face reads back on its own, as a .ttf file would.
        var again = TrueTypeReader.Parse(face.Data, "extracted.ttf");
        Assert.Equal(face.Advance('国'), again.Advance('国'));
        Assert.Equal(2, TrueTypeReader.FaceCount(File.ReadAllBytes(Hei)) >= 2 ? 2 : 0);
    }

    [Fact]
    public void CffFont_IsRefusedWithAClearMessage()
    {
        var otto = new byte[64];
        "OTTO"u8.CopyTo(otto);
        var e = Assert.Throws<FontFormatException>(() => TrueTypeReader.Parse(otto, "NotoSansCJK.otf"));
        Assert.Contains("CFF", e.Message);
    }

    [Fact]
    public void ConfiguredPaths_AreUsedInOrder_AndMissingOnesReported()
    {
        var set = FontSet.Discover(string.Join(Path.PathSeparator, "/nowhere/simfang.ttf", Hei + "#0", Song));
        Assert.Equal(["WenQuanYi Zen Hei", "AR PL SungtiL GB"], set.Faces.Select(f => f.FamilyName));
        Assert.Contains(set.Problems, p => p.Contains("/nowhere/simfang.ttf"));
    }

    [Fact]
    public void CharacterMissingFromTheSongFace_FallsBackToHei_AndIsReported()
    {
        // 喆 and 堃 are common in names but outside GB 2312, so the Song face lacks them.
        Assert.False(Support.Fonts.Primary.Has('喆'));
        var sample = Support.Sample("notices/acceptance");
        sample["applicant"]!["name"] = "王喆堃";
        using var folder = new Support.TempFolder();
        var document = Support.Renderer().Render("notices/acceptance", sample);
        var warning = Assert.Single(document.Warnings);
        Assert.Contains("喆 (U+5586)", warning);
        Assert.Contains("堃 (U+5803)", warning);
        Assert.Contains("WenQuanYi Zen Hei", warning);
        var pdf = Support.WritePdf(folder, document.Pdf);
        Assert.Contains("王喆堃：", Support.Text(pdf));
        var fonts = Support.Run("pdffonts", pdf);
        Assert.Contains("AR PL SungtiL GB", fonts);
        Assert.Contains("WenQuanYi Zen Hei", fonts);
    }

    [Fact]
    public void CharacterNoFontHas_IsNeverASilentBlank()
    {
        var sample = Support.Sample("notices/acceptance");
        sample["applicant"]!["name"] = "王\U0002A6A5";   // a CJK Extension B ideograph none of the fonts has
        var document = Support.Renderer().Render("notices/acceptance", sample);
        Assert.Contains(document.Warnings, w => w.Contains("U+2A6A5") && w.Contains("所有字体都缺少"));
    }
}

public class ArchitectureTests
{
    [Fact]
    public void LayoutProject_DoesNotReferenceThePdfLibrary()
    {
        var references = typeof(Workflows.Documents.Rendering.DocumentRenderer).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.DoesNotContain(references, name => name!.StartsWith("PdfSharp", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(typeof(Workflows.Documents.Pdf.PdfSharpWriter).Assembly.GetReferencedAssemblies(), a => a.Name == "PdfSharp");
    }
}
