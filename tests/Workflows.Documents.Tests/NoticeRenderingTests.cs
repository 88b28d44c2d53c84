using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Documents.Templates;

namespace Workflows.Documents.Tests;

/// <summary>Every notice of DOMAIN.md §3 rendered with its sample case and read back with pdftotext and pdffonts.</summary>
public partial class NoticeRenderingTests
{
    private static IEnumerable<string> Ids() =>
        Directory.GetFiles(Support.Templates, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => Path.ChangeExtension(Path.GetRelativePath(Support.Templates, file), null).Replace('\\', '/'));

    public static TheoryData<string> Templates() => new(Ids());

    public static TheoryData<string> Notices() => new(Ids().Where(id => id.StartsWith("notices/", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Templates))]
    public void EveryTemplate_RendersItsSampleToPdfWithEmbeddedSubsets(string id)
    {
        using var folder = new Support.TempFolder();
        var result = Support.Renderer().Render(id);
        var pdf = Support.WritePdf(folder, result.Pdf);
        Assert.Empty(result.Warnings);

        // pdffonts: name type encoding emb sub uni; every font embedded as a subset (ABCDEF+ prefix) with a ToUnicode map.
        var fonts = Support.Run("pdffonts", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        Assert.NotEmpty(fonts);
        foreach (var line in fonts)
        {
            Assert.Matches(@"^[A-Z]{6}\+", line);
            Assert.Matches(@"\byes\s+yes\s+yes\s+\d+\s+\d+\s*$", line);
        }
        var keep = Environment.GetEnvironmentVariable("WORKFLOWS_KEEP_PDFS");
        if (keep is not null)
        {
            Directory.CreateDirectory(keep);
            File.WriteAllBytes(Path.Combine(keep, id.Replace('/', '_') + ".pdf"), result.Pdf);
        }
    }

    [Theory]
    [MemberData(nameof(Notices))]
    public void Notice_PdfTitleIsItsChineseName_NotTheTemplateId(string id)
    {
        using var folder = new Support.TempFolder();
        var pdf = Support.WritePdf(folder, Support.Renderer().Render(id).Pdf);

        // pdfinfo: the title a PDF reader shows in its window and tab.
        var title = Support.Run("pdfinfo", "-enc", "UTF-8", pdf).Split('\n').Single(l => l.StartsWith("Title:", StringComparison.Ordinal))["Title:".Length..].Trim();
        Assert.DoesNotContain("notices/", title);
        Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{4,}$", title);
        var heading = Regex.Match(File.ReadAllText(Path.Combine(Support.Templates, id + ".sbn")), @"<title[^>]*>([^<]+)</title>").Groups[1].Value;
        Assert.Equal(heading, title);
    }

    [Theory]
    [MemberData(nameof(Notices))]
    public void Notice_ShowsTheCaseDataInOrder(string id)
    {
        using var folder = new Support.TempFolder();
        var data = Support.Sample(id);
        var pdf = Support.WritePdf(folder, Support.Renderer().Render(id, data).Pdf);
        var text = BodyText(pdf);
        var expected = ExpectedOrder(id, data);
        var at = 0;
        foreach (var value in expected)
        {
            var found = text.IndexOf(Support.Compact(value), at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{value}' not found after position {at} in:\n{text}");
            at = found + Support.Compact(value).Length;
        }
    }

    [Fact]
    public void MultiPageNotice_NumbersItsPages()
    {
        using var folder = new Support.TempFolder();
        var result = Support.Renderer().Render("notices/supplement");
        Assert.True(result.PageCount >= 2);
        var pages = Support.Text(Support.WritePdf(folder, result.Pdf)).Split('\f').Where(p => p.Trim().Length > 0).ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"第 {i + 1} 页 共 {pages.Count} 页", pages[i]);
            Assert.Contains("办件编号：桃山-2026-000118", pages[i]);
        }
    }

    [Fact]
    public void Acceptance_FitsOnePageOfTheOfficialTextBlock()
    {
        var result = Support.Renderer().Render("notices/acceptance");
        Assert.Equal(1, result.PageCount);
    }

    /// <summary>The text in drawing order (pdftotext -raw), the running header and the page number left out.</summary>
    private static string BodyText(string pdf)
    {
        var pages = Support.Run("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Split('\f');
        return string.Concat(pages.Select(page => Support.Compact(PageNumber().Replace(page.Replace("办件编号：桃山-2026-000118\n", "", StringComparison.Ordinal), ""))));
    }

    private static IEnumerable<string> ExpectedOrder(string id, JsonObject d)
    {
        string S(string path)
        {
            JsonNode? node = d;
            foreach (var part in path.Split('.')) node = node?[part];
            return node?.ToString() ?? throw new InvalidOperationException($"no {path} in the sample");
        }
        string Date(string path) => ChineseFormats.Date(S(path), "chinese")!;
        var titles = new Dictionary<string, string>
        {
            ["material-receipt"] = "材料接收凭证", ["acceptance"] = "受理通知书", ["deferral-acceptance"] = "容缺受理通知书",
            ["supplement"] = "补正材料通知书", ["refusal"] = "不予受理通知书", ["special-procedure"] = "特别程序告知书",
            ["extension"] = "延期告知书", ["approval-decision"] = "准予行政许可决定书", ["denial-decision"] = "不予行政许可决定书", ["completion"] = "办结通知书",
            ["pledge"] = "证明事项告知承诺书", ["revocation"] = "撤销行政许可决定书",
            ["termination"] = "终止办理告知书",
        };
        var name = id["notices/".Length..];
        yield return titles[name];
        // Department documents are numbered in the department's own series (桃水特告〔2026〕7号), window notices by the case.
        if (d["document"] is not null) yield return S("department.documentCode");
        yield return d["document"] is not null ? $"〔{S("document.year")}〕{S("document.seq")}号" : $"〔{S("case.year")}〕{S("case.seq")}号";
        yield return S("applicant.name") + "：";
        yield return S("item.name");
        switch (name)
        {
            case "material-receipt":
                foreach (var m in d["materials"]!.AsArray()) yield return m!["name"]!.ToString();
                yield return Date("case.acceptanceDueAt");
                break;
            case "acceptance":
                yield return S("department.name");
                yield return Date("case.acceptedAt");
                yield return Date("case.dueAt");
                break;
            case "supplement":
                foreach (var m in d["materials"]!.AsArray())
                {
                    yield return m!["name"]!.ToString();
                    yield return m["reason"]!.ToString();
                    yield return m["standard"]!.ToString();
                    yield return ChineseFormats.Date(m["deadline"]!.ToString(), "chinese")!;
                }
                break;
            case "deferral-acceptance":
                foreach (var m in d["materials"]!.AsArray()) yield return m!["name"]!.ToString();
                yield return S("consequence");
                break;
            case "refusal":
                foreach (var r in d["reasons"]!.AsArray()) yield return r!.ToString();
                yield return S("competentBody.name");
                yield return S("appeal.reviewBody");
                yield return S("appeal.court");
                break;
            case "special-procedure":
                foreach (var p in d["procedures"]!.AsArray()) yield return p!["name"]!.ToString();
                break;
            case "extension":
                foreach (var r in d["reasons"]!.AsArray()) yield return r!.ToString();
                yield return S("extension.days") + "个工作日";
                yield return Date("extension.dueAt");
                break;
            case "approval-decision":
                yield return S("decision.content");
                yield return S("certificate.number");
                break;
            case "denial-decision":
                foreach (var r in d["reasons"]!.AsArray()) yield return r!.ToString();
                yield return S("appeal.reviewBody");
                yield return S("appeal.court");
                break;
            case "pledge":
                foreach (var m in d["materials"]!.AsArray()) yield return m!["name"]!.ToString();
                yield return S("pledge.check");
                yield return Date("pledge.chosenAt");
                break;
            case "revocation":
                foreach (var r in d["reasons"]!.AsArray()) yield return r!.ToString();
                yield return S("revocation.basis");
                yield return S("appeal.reviewBody");
                yield return S("appeal.court");
                break;
            case "termination":
                foreach (var m in d["materials"]!.AsArray()) yield return m!["name"]!.ToString();
                yield return Date("deferral.remindedAt");
                yield return Date("deferral.terminatedAt");
                foreach (var r in d["reasons"]!.AsArray()) yield return r!.ToString();
                yield return S("deferral.basis");
                yield return S("appeal.reviewBody");
                yield return S("appeal.court");
                break;
            case "completion":
                yield return S("result.outcome");
                yield return S("certificate.identifier");
                break;
        }
        // The centre signs only its own receipt and the completion notice; every decision on the application,
        // acceptance included (委托受理 in the department's name), is signed by the department.
        var signer = name is "material-receipt" or "completion" ? "office.name" : "department.name";
        yield return S(signer);
        yield return Date("issuedAt");
        yield return S("clerk.name");
        yield return S("office.complaintPhone");
    }

    [GeneratedRegex(@"第 \d+ 页 共 \d+ 页")]
    private static partial Regex PageNumber();
}
