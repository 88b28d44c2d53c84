using System.Text;
using System.Text.Json.Nodes;
using Workflows.Documents.Layout;
using Workflows.Documents.Rendering;

namespace Workflows.Documents.Tests;

public class LayoutTests
{
    private const string Document = "<document size=\"A4\" margin=\"37mm 26mm 35mm 28mm\" font-size=\"15.75pt\" line-height=\"28.9pt\">";

    /// <summary>The lines of the PDF as drawn (pdftotext -raw keeps our line breaks, one text line per output line).</summary>
    private static List<string> Lines(ScratchTemplate scratch, RenderedDocument document) =>
        Support.Run("pdftotext", "-raw", "-enc", "UTF-8", scratch.WritePdf(document), "-")
            .Split('\n', '\f').Select(l => Support.Compact(l)).Where(l => l.Length > 0).ToList();

    [Theory]
    // 27 ideographs then a comma: the comma may not start line 2, so the 27th character goes down with it.
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八，九十一二三四五六七", '，')]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八。九十一二三四五六七", '。')]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八》九十一二三四五六七", '》')]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八）九十一二三四五六七", '）')]
    public void ClosingPunctuation_NeverStartsALine(string text, char punctuation)
    {
        using var scratch = new ScratchTemplate($"{Document}<p>{text}</p></document>");
        var lines = Lines(scratch, scratch.Render());
        Assert.True(lines.Count >= 2, string.Join("\n", lines));
        Assert.All(lines, l => Assert.DoesNotContain(l[0], Kinsoku.NoLineStart));
        Assert.Contains(lines, l => l.Contains(punctuation));
        Assert.Equal(Support.Compact(text), string.Concat(lines));
    }

    [Theory]
    // An opening bracket that would end line 1 goes down to line 2 with what it opens.
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七（八九）十一二三四五六七", '（')]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七《八九》十一二三四五六七", '《')]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七「八九」十一二三四五六七", '「')]
    public void OpeningPunctuation_NeverEndsALine(string text, char punctuation)
    {
        using var scratch = new ScratchTemplate($"{Document}<p>{text}</p></document>");
        var lines = Lines(scratch, scratch.Render());
        Assert.All(lines, l => Assert.DoesNotContain(l[^1], Kinsoku.NoLineEnd));
        Assert.StartsWith(punctuation.ToString(), lines[1]);
    }

    [Fact]
    public void TwentyEightIdeographs_FillOneLineOfTheTextBlock()
    {
        var text = string.Concat(Enumerable.Repeat("国", 28)) + string.Concat(Enumerable.Repeat("家", 28));
        using var scratch = new ScratchTemplate($"{Document}<p>{text}</p></document>");
        var lines = Lines(scratch, scratch.Render());
        Assert.Equal(["国国国国国国国国国国国国国国国国国国国国国国国国国国国国", "家家家家家家家家家家家家家家家家家家家家家家家家家家家家"], lines);
    }

    [Fact]
    public void LatinWordsAndNumbers_AreNotBrokenInside()
    {
        // A phone number and a date that would straddle the line end move down whole.
        var text = "申请人联系电话为0464-8271234，受理日期为2026年11月16日，请于工作日8:30—17:00来电咨询，Workflows系统自动发送短信提醒。";
        using var scratch = new ScratchTemplate($"{Document}<p>{text}</p></document>");
        var lines = Lines(scratch, scratch.Render());
        Assert.Equal(Support.Compact(text), string.Concat(lines));
        foreach (var word in new[] { "0464-8271234", "2026", "8:30", "17:00", "Workflows" })
            Assert.Contains(lines, l => l.Contains(word));
    }

    [Fact]
    public void JustifiedLine_EndsAtTheRightEdgeOfTheTextBlock()
    {
        var text = "你（单位）于2026年11月16日提交的教师资格认定申请，申请材料齐全、符合法定形式，本中心决定予以受理。";
        using var scratch = new ScratchTemplate($"{Document}<p indent=\"2em\">{text}</p></document>");
        var document = scratch.Render();
        var runs = document.Pages.Pages[0].Operations.OfType<TextOperation>().ToList();
        var firstLine = runs.Where(r => Math.Abs(r.Baseline - runs[0].Baseline) < 0.1).ToList();
        var right = firstLine.Max(r => r.X + r.Run.Width);
        Assert.Equal(Length.Mm(210 - 26), right, 0.5);
        Assert.Equal(Length.Mm(28) + 2 * 15.75, runs[0].X, 0.5);   // the 2em first-line indent
    }

    [Fact]
    public void TwoHundredRowTable_BreaksAcrossPagesAndRepeatsItsHeader()
    {
        var rows = new StringBuilder();
        for (var i = 1; i <= 200; i++) rows.Append($"<row><cell>{i}</cell><cell>第{i}号材料　申请表原件</cell><cell>原件</cell></row>");
        using var scratch = new ScratchTemplate(
            $"{Document}<footer><page-number/></footer><p>材料清单如下：</p><table widths=\"20mm 100mm 36mm\" header-rows=\"1\" font-size=\"12pt\"><row><cell>序号</cell><cell>材料名称</cell><cell>形式</cell></row>{rows}</table><p>以上共二百项。</p></document>");
        var document = scratch.Render();
        var pdf = scratch.WritePdf(document);
        var pages = Support.Run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Split('\f').Where(p => p.Trim().Length > 0).ToList();
        Assert.True(pages.Count >= 5, $"{pages.Count} pages");
        Assert.Equal(document.PageCount, pages.Count);
        var seen = new List<int>();
        foreach (var page in pages)
        {
            var lines = page.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            Assert.Single(lines, l => l.Replace(" ", "") == "序号材料名称形式");
            seen.AddRange(lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^(\d+) 第\1号材料")).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)));
        }
        Assert.Equal(Enumerable.Range(1, 200), seen);   // every row once, in order, none lost at a page break
        Assert.Contains("以上共二百项。", pages[^1]);
    }

    [Fact]
    public void Overprint_PlacesEveryBoxWithinHalfAMillimetreIncludingThePrinterOffset()
    {
        var sample = Support.Sample("certificates/agri-machinery-registration");
        var template = File.ReadAllText(Path.Combine(Support.Templates, "certificates", "agri-machinery-registration.sbn"));
        var boxes = System.Text.RegularExpressions.Regex.Matches(template, @"<box x=""([\d.]+)mm"" y=""([\d.]+)mm""[^>]*>\{\{ (?:formatDate )?(?:this\.)?([\w.]+)")
            .Select(m => (X: double.Parse(m.Groups[1].Value), Y: double.Parse(m.Groups[2].Value), Field: m.Groups[3].Value)).ToList();
        Assert.True(boxes.Count >= 8);
        foreach (var (dx, dy) in new[] { (0.0, 0.0), (1.2, -0.8) })
        {
            var document = Support.Renderer().Render("certificates/agri-machinery-registration", sample, new(OutputMode.Overprint, dx, dy));
            using var folder = new Support.TempFolder();
            var bbox = Support.Run("pdftotext", "-bbox", Support.WritePdf(folder, document.Pdf), "-");
            var words = System.Text.RegularExpressions.Regex.Matches(bbox, @"<word xMin=""([\d.]+)"" yMin=""([\d.]+)"" xMax=""[\d.]+"" yMax=""[\d.]+"">([^<]+)</word>")
                .Select(m => (X: double.Parse(m.Groups[1].Value) / Length.PointsPerMm, Y: double.Parse(m.Groups[2].Value) / Length.PointsPerMm, Text: m.Groups[3].Value)).ToList();
            foreach (var box in boxes)
            {
                var value = Value(sample, box.Field);
                if (box.Field is "issuedAt" or "certificate.registeredAt") value = Templates.ChineseFormats.Date(value, "chinese")!;
                var first = value.Split(' ')[0];
                var word = words.Where(w => w.Text == first).OrderBy(w => Math.Abs(w.X - box.X - dx) + Math.Abs(w.Y - box.Y - dy)).First();
                Assert.True(Math.Abs(word.X - (box.X + dx)) <= 0.5, $"{box.Field}: x {word.X:0.00}mm, expected {box.X + dx}mm");
                Assert.True(Math.Abs(word.Y - (box.Y + dy)) <= 0.5, $"{box.Field}: y {word.Y:0.00}mm, expected {box.Y + dy}mm");
            }
        }
    }

    [Fact]
    public void Overprint_LeavesOutTheBackgroundThatTheElectronicCertificateShows()
    {
        var electronic = Support.Renderer().Render("certificates/agri-machinery-registration", null, new(OutputMode.Electronic));
        var print = Support.Renderer().Render("certificates/agri-machinery-registration", null, new(OutputMode.Overprint));
        Assert.Single(electronic.Pages.Pages[0].Operations.OfType<ImageOperation>());
        Assert.Empty(print.Pages.Pages[0].Operations.OfType<ImageOperation>());
        using var folder = new Support.TempFolder();
        // pdfimages -list: two header lines, then one line per image.
        int Images(string pdf) => Support.Run("pdfimages", "-list", pdf).Split('\n').Skip(2).Count(l => l.Trim().Length > 0);
        Assert.Equal(1, Images(Support.WritePdf(folder, electronic.Pdf, "e.pdf")));
        Assert.Equal(0, Images(Support.WritePdf(folder, print.Pdf, "p.pdf")));
    }

    [Fact]
    public void SealIsDrawnOverTheDate()
    {
        var document = Support.Renderer().Render("notices/acceptance");
        var operations = document.Pages.Pages[0].Operations;
        var date = operations.OfType<TextOperation>().Single(t => t.Run.Text == "2026年11月16日" && t.X > Length.Mm(100));
        var seal = operations.OfType<ImageOperation>().Single();
        Assert.True(operations.IndexOf(seal) > operations.IndexOf(date), "the seal is drawn after (over) the date");
        var dateCentre = date.X + date.Run.Width / 2;
        Assert.InRange(dateCentre, seal.X + seal.Width * 0.3, seal.X + seal.Width * 0.7);
        Assert.InRange(date.Baseline, seal.Y + seal.Height * 0.5, seal.Y + seal.Height * 0.9);   // the date sits in the seal's lower half
    }

    [Theory]
    [MemberData(nameof(NoticeRenderingTests.Templates), MemberType = typeof(NoticeRenderingTests))]
    public void SignatureAndSeal_NeverStandAloneOnAPage(string id)
    {
        var document = Support.Renderer().Render(id);
        var top = Length.Mm(id.StartsWith("notices/") ? 37 : 30);
        foreach (var page in document.Pages.Pages)
        {
            var seal = page.Operations.OfType<ImageOperation>().FirstOrDefault(i => i.Width < page.Width / 2);
            if (seal is null) continue;
            // Some text of the body (not the running header) above the seal on the same page.
            Assert.Contains(page.Operations.OfType<TextOperation>(), t => t.Baseline > top && t.Baseline < seal.Y);
        }
    }

    private static string Value(JsonObject data, string path)
    {
        JsonNode? node = data;
        foreach (var part in path.Split('.')) node = node?[part];
        return node!.ToString();
    }
}
