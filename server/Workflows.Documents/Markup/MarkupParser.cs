using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Workflows.Documents.Images;
using Workflows.Documents.Layout;
using Workflows.Documents.Layout.Elements;

namespace Workflows.Documents.Markup;

/// <summary>
/// Reads the layout markup of templates/README.md into a <see cref="LayoutDocument"/>. Every
/// element and attribute is checked; a mistake is a <see cref="MarkupException"/> at its position.
/// </summary>
public sealed class MarkupParser(Func<string, ImageData?> images)
{
    private static readonly Dictionary<string, string[]> Attributes = new(StringComparer.Ordinal)
    {
        ["document"] = ["size", "margin", "font-size", "line-height"],
        ["header"] = ["font-size"],
        ["footer"] = ["font-size"],
        ["page-number"] = ["format", "align"],
        ["title"] = ["size"],
        ["p"] = ["align", "indent", "font-size"],
        ["b"] = [],
        ["table"] = ["widths", "header-rows", "font-size", "line-height"],
        ["row"] = [],
        ["cell"] = ["align"],
        ["signature"] = ["date", "seal", "qr", "qr-caption", "qr-size"],
        ["qr"] = ["value", "size", "align", "x", "y", "print"],
        ["image"] = ["src", "width", "align"],
        ["box"] = ["x", "y", "width", "font-size"],
        ["background"] = ["src", "print"],
    };

    private static readonly string[] BodyElements = ["header", "footer", "title", "p", "table", "signature", "qr", "image", "box", "background"];

    private double _size;
    private double _lineHeight;

    public LayoutDocument Parse(string markup)
    {
        XDocument xml;
        try { xml = XDocument.Parse(markup, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace); }
        catch (XmlException e) { throw new MarkupException($"标记不是格式正确的 XML (malformed markup): {e.Message}", e.LineNumber, e.LinePosition); }
        var root = xml.Root!;
        if (root.Name.LocalName != "document") throw Error(root, $"根元素应为 document，而不是 {root.Name.LocalName} (the root must be document)");
        Check(root);
        _size = LengthOf(root, "font-size", 0) ?? 16;
        _lineHeight = LengthOf(root, "line-height", _size) ?? _size * 1.8;
        var (width, height) = PageSize(root);
        var margins = Margins(root);
        var page = new PageSetup(width, height, margins[0], margins[1], margins[2], margins[3]);
        if (page.ContentWidth <= _size || page.ContentBottom - page.Top <= _lineHeight)
            throw Error(root, "页边距过大，版心放不下一行文字 (margins leave no room for text)");

        var body = new List<Element>();
        var header = new List<PageLine>();
        var footer = new List<PageLine>();
        var boxes = new List<PositionedBox>();
        var backgrounds = new List<PageBackground>();
        var codes = new List<PositionedQr>();
        foreach (var node in root.Nodes())
        {
            if (node is XText text)
            {
                if (!string.IsNullOrWhiteSpace(text.Value)) throw Error(root, $"document 中的文字须放在 p 中 (text outside a p): {text.Value.Trim()}", text);
                continue;
            }
            if (node is not XElement e) continue;
            var name = e.Name.LocalName;
            if (!BodyElements.Contains(name)) throw Error(e, $"document 中不能使用 {name} (element not allowed here)");
            Check(e);
            switch (name)
            {
                case "header": header.AddRange(PageLines(e)); break;
                case "footer": footer.AddRange(PageLines(e)); break;
                case "title":
                {
                    var size = LengthOf(e, "size", _size) ?? 22;
                    body.Add(new ParagraphElement(Inline(e, bold: true), size, Math.Max(_lineHeight, size * 1.4), TextAlign.Center, 0, _lineHeight * 0.5));
                    break;
                }
                case "p": body.Add(Paragraph(e)); break;
                case "table": body.Add(Table(e, page.ContentWidth)); break;
                case "signature": body.Add(Signature(e)); break;
                case "qr" when e.Attribute("x") is not null || e.Attribute("y") is not null:
                    codes.Add(new PositionedQr(RequiredLength(e, "x"), RequiredLength(e, "y"), LengthOf(e, "size", _size) ?? Length.Mm(10), Required(e, "value"), Print(e)));
                    break;
                case "qr":
                    body.Add(new QrElement(Required(e, "value"), LengthOf(e, "size", _size) ?? Length.Mm(25), Align(e, TextAlign.Left)));
                    break;
                case "image":
                {
                    var image = Image(e, "src")!;
                    body.Add(new ImageElement(image, LengthOf(e, "width", _size) ?? page.ContentWidth, Align(e, TextAlign.Left)));
                    break;
                }
                case "box":
                    boxes.Add(new PositionedBox(RequiredLength(e, "x"), RequiredLength(e, "y"), RequiredLength(e, "width"),
                        LengthOf(e, "font-size", _size) ?? _size, Inline(e, bold: false)));
                    break;
                case "background":
                {
                    backgrounds.Add(new PageBackground(Image(e, "src")!, Print(e)));
                    break;
                }
            }
        }
        return new LayoutDocument(page, body, header, footer, boxes, backgrounds, codes);
    }

    private static bool Print(XElement e)
    {
        var print = e.Attribute("print")?.Value ?? "true";
        if (print is not ("true" or "false")) throw Error(e, $"print 应为 true 或 false，而不是 '{print}'", e.Attribute("print"));
        return print == "true";
    }

    private ParagraphElement Paragraph(XElement e)
    {
        var size = LengthOf(e, "font-size", _size) ?? _size;
        var lineHeight = size > _size ? Math.Max(_lineHeight, size * 1.4) : _lineHeight * (size / _size);
        var runs = Inline(e, bold: false);
        return new ParagraphElement(runs, size, lineHeight, Align(e, TextAlign.Justify), LengthOf(e, "indent", size) ?? 0);
    }

    private TableElement Table(XElement e, double contentWidth)
    {
        var size = LengthOf(e, "font-size", _size) ?? _size;
        var lineHeight = LengthOf(e, "line-height", size) ?? (e.Attribute("font-size") is null ? _lineHeight : size * 1.5);
        var widthsText = Required(e, "widths");
        var widths = widthsText.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => Length.TryParse(w, size) ?? throw Error(e, $"widths 中的长度无效: '{w}'", e.Attribute("widths"))).ToList();
        if (widths.Count == 0) throw Error(e, "widths 至少要有一列 (at least one column)", e.Attribute("widths"));
        if (widths.Sum() > contentWidth + 1) throw Error(e, $"表格总宽 {Length.ToMm(widths.Sum()):0.#}mm 超出版心 {Length.ToMm(contentWidth):0.#}mm (table wider than the text block)", e.Attribute("widths"));
        var headerRows = 0;
        if (e.Attribute("header-rows") is { } h && (!int.TryParse(h.Value, NumberStyles.None, CultureInfo.InvariantCulture, out headerRows)))
            throw Error(e, $"header-rows 应为非负整数，而不是 '{h.Value}'", h);
        var rows = new List<IReadOnlyList<ParagraphElement>>();
        foreach (var row in Children(e, "row"))
        {
            Check(row);
            var cells = new List<ParagraphElement>();
            foreach (var cell in Children(row, "cell"))
            {
                Check(cell);
                var bold = rows.Count < headerRows;
                cells.Add(new ParagraphElement(Inline(cell, bold), size, lineHeight, Align(cell, TextAlign.Left), 0));
            }
            if (cells.Count > widths.Count) throw Error(row, $"这一行有 {cells.Count} 个单元格，但表格只有 {widths.Count} 列 (more cells than columns)");
            rows.Add(cells);
        }
        if (headerRows > rows.Count) throw Error(e, $"header-rows={headerRows} 多于表格的行数 {rows.Count}", e.Attribute("header-rows"));
        return new TableElement(widths, rows, headerRows, Length.Mm(1.5), 0.5);
    }

    private SignatureElement Signature(XElement e)
    {
        var date = Required(e, "date");
        var seal = SealOf(e);
        var name = new ParagraphElement(Inline(e, bold: false), _size, _lineHeight, TextAlign.Left, 0);
        var dateParagraph = new ParagraphElement([new InlineRun(date, false)], _size, _lineHeight, TextAlign.Left, 0);
        var qr = e.Attribute("qr")?.Value is { Length: > 0 } value ? value : null;
        var caption = e.Attribute("qr-caption")?.Value is { Length: > 0 } text ? new ParagraphElement([new InlineRun(text, false)], 9, 11, TextAlign.Left, 0) : null;
        return new SignatureElement(name, dateParagraph, seal, _size, _lineHeight, Length.Mm(40), qr, caption, LengthOf(e, "qr-size", _size) ?? Length.Mm(22));
    }

    /// <summary>
    /// <c>seal="drawn"</c> (or <c>drawn:业务专用章</c>, with the line under the star) draws the seal as vectors from
    /// the signature's name; any other value is a seal image; empty draws no seal.
    /// </summary>
    private Seal? SealOf(XElement e)
    {
        var value = e.Attribute("seal")?.Value?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value == "drawn" || value.StartsWith("drawn:", StringComparison.Ordinal))
            return new DrawnSeal(e.Value.Trim(), value.Length > 6 ? value[6..] : null);
        return new ImageSeal(Image(e, "seal")!);
    }

    private IEnumerable<PageLine> PageLines(XElement band)
    {
        var size = LengthOf(band, "font-size", _size) ?? 10.5;
        foreach (var node in band.Nodes())
        {
            if (node is XText t && string.IsNullOrWhiteSpace(t.Value)) continue;
            if (node is not XElement e || e.Name.LocalName is not ("p" or "page-number"))
                throw Error(band, $"{band.Name.LocalName} 只能包含 p 或 page-number (only p or page-number here)", node);
            Check(e);
            if (e.Name.LocalName == "page-number")
                yield return new PageLine([new InlineRun(e.Attribute("format")?.Value ?? "第 {page} 页 共 {pages} 页", false)], Align(e, TextAlign.Center), size);
            else
                yield return new PageLine(Inline(e, bold: false), Align(e, TextAlign.Left), size);
        }
    }

    /// <summary>The text of an element and its <c>b</c> children, white space collapsed as in HTML (U+3000 kept).</summary>
    private List<InlineRun> Inline(XElement e, bool bold)
    {
        var runs = new List<InlineRun>();
        foreach (var node in e.Nodes())
        {
            switch (node)
            {
                case XText text: runs.Add(new InlineRun(Collapse(text.Value), bold)); break;
                case XElement { Name.LocalName: "b" } b:
                    Check(b);
                    foreach (var inner in b.Nodes())
                    {
                        if (inner is XText innerText) runs.Add(new InlineRun(Collapse(innerText.Value), true));
                        else if (inner is XElement x) throw Error(x, $"b 中不能使用 {x.Name.LocalName} (only text inside b)");
                    }
                    break;
                case XElement other: throw Error(other, $"{e.Name.LocalName} 中不能使用 {other.Name.LocalName} (only text and b here)");
            }
        }
        if (runs.Count > 0)
        {
            runs[0] = runs[0] with { Text = runs[0].Text.TrimStart(' ') };
            runs[^1] = runs[^1] with { Text = runs[^1].Text.TrimEnd(' ') };
        }
        runs.RemoveAll(r => r.Text.Length == 0);
        return runs;
    }

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (!space) result.Append(' ');
                space = true;
            }
            else
            {
                result.Append(c);
                space = false;
            }
        }
        return result.ToString();
    }

    private IEnumerable<XElement> Children(XElement parent, string name)
    {
        foreach (var node in parent.Nodes())
        {
            if (node is XText t && string.IsNullOrWhiteSpace(t.Value)) continue;
            if (node is XElement e && e.Name.LocalName == name) yield return e;
            else throw Error(parent, $"{parent.Name.LocalName} 只能包含 {name} (only {name} elements here)", node);
        }
    }

    private static void Check(XElement e)
    {
        var name = e.Name.LocalName;
        if (!Attributes.TryGetValue(name, out var allowed)) throw Error(e, $"未知元素 {name} (unknown element)");
        foreach (var attribute in e.Attributes())
        {
            if (!allowed.Contains(attribute.Name.LocalName))
                throw Error(e, $"{name} 没有属性 {attribute.Name.LocalName}；可用: {string.Join(", ", allowed)} (unknown attribute)", attribute);
        }
    }

    private (double, double) PageSize(XElement root)
    {
        var size = root.Attribute("size")?.Value ?? "A4";
        switch (size)
        {
            case "A4": return (Length.Mm(210), Length.Mm(297));
            case "A5": return (Length.Mm(148), Length.Mm(210));
        }
        var parts = size.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 2 && Length.TryParse(parts[0], _size) is > 0 and var w && Length.TryParse(parts[1], _size) is > 0 and var h) return (w, h);
        throw Error(root, $"size 应为 A4、A5 或 \"宽 高\"（如 \"88mm 60mm\"），而不是 '{size}'", root.Attribute("size"));
    }

    private double[] Margins(XElement root)
    {
        var text = root.Attribute("margin")?.Value ?? "37mm 26mm 35mm 28mm";
        var values = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => Length.TryParse(v, _size)).ToList();
        if (values.Count is < 1 or > 4 || values.Any(v => v is null))
            throw Error(root, $"margin 应为 1 到 4 个长度，而不是 '{text}'", root.Attribute("margin"));
        var m = values.Select(v => v!.Value).ToList();
        return m.Count switch
        {
            1 => [m[0], m[0], m[0], m[0]],
            2 => [m[0], m[1], m[0], m[1]],
            3 => [m[0], m[1], m[2], m[1]],
            _ => [m[0], m[1], m[2], m[3]],
        };
    }

    private ImageData? Image(XElement e, string attribute)
    {
        var src = Required(e, attribute);
        try
        {
            return images(src) ?? throw Error(e, $"找不到图片 '{src}'（先在 templates/ 下找，再在 definitions/ 下找）(image not found)", e.Attribute(attribute));
        }
        catch (InvalidDataException x) { throw Error(e, x.Message, e.Attribute(attribute)); }
    }

    private static TextAlign Align(XElement e, TextAlign fallback)
    {
        var value = e.Attribute("align")?.Value;
        return value switch
        {
            null => fallback,
            "left" => TextAlign.Left,
            "center" => TextAlign.Center,
            "right" => TextAlign.Right,
            "justify" => TextAlign.Justify,
            _ => throw Error(e, $"align 应为 left、center、right 或 justify，而不是 '{value}'", e.Attribute("align")),
        };
    }

    private double? LengthOf(XElement e, string attribute, double em)
    {
        if (e.Attribute(attribute) is not { } a) return null;
        return Length.TryParse(a.Value, em) ?? throw Error(e, $"{attribute} 应为带单位的长度（mm、pt 或 em），而不是 '{a.Value}'", a);
    }

    private double RequiredLength(XElement e, string attribute) => LengthOf(e, attribute, _size) ?? throw Error(e, $"{e.Name.LocalName} 缺少属性 {attribute} (missing attribute)");

    private static string Required(XElement e, string attribute) =>
        e.Attribute(attribute)?.Value ?? throw Error(e, $"{e.Name.LocalName} 缺少属性 {attribute} (missing attribute)");

    private static MarkupException Error(XElement e, string message, XObject? at = null)
    {
        var info = (IXmlLineInfo)(at ?? e);
        if (!info.HasLineInfo()) info = e;
        var what = at is XAttribute a ? $"{e.Name.LocalName}@{a.Name.LocalName}" : e.Name.LocalName;
        return new MarkupException(message, info.LineNumber, info.LinePosition, what);
    }
}
