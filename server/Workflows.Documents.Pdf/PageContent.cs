using System.Globalization;
using System.Text;
using PdfSharp.Pdf;
using Workflows.Documents.Layout;

namespace Workflows.Documents.Pdf;

/// <summary>
/// The operators of one page (or of one stretch of it, when PDFsharp draws an image in between),
/// written directly: our canvas is top-left and y-down, PDF is bottom-left and y-up, so every y is
/// flipped here. Colours and line widths are set only when they change.
/// </summary>
internal sealed class PageContent(PdfPage page, EmbeddedFonts fonts, double pageHeight)
{
    private readonly StringBuilder _ops = new(4096);
    private Rgb? _fill, _stroke;
    private double _lineWidth = -1;
    private double _charSpacing;

    /// <summary>A run of text: glyph ids as a hex string in the face's font; justification spacing as Tc.</summary>
    public void Text(double x, double baseline, GlyphRun run)
    {
        var font = fonts.For(run.Face);
        Resource("/Font", font.ResourceName, font.Type0);
        Fill(Rgb.Black);
        if (run.Bold)
        {
            // The CJK faces have no bold: fill and stroke the outlines (render mode 2), as PDFsharp did.
            Stroke(Rgb.Black);
            _ops.Append("q ").Append(Number(run.Size / 30)).Append(" w 2 Tr ");
        }
        if (run.Spacing != _charSpacing)
        {
            _charSpacing = run.Spacing;
            _ops.Append(Number(run.Spacing)).Append(" Tc ");
        }
        _ops.Append("BT ").Append(font.ResourceName).Append(' ').Append(Number(run.Size)).Append(" Tf ")
            .Append(Number(x)).Append(' ').Append(Number(pageHeight - baseline)).Append(" Td ");
        Glyphs(font, run.Text);
        _ops.Append(" Tj ET");
        if (run.Bold)
        {
            _ops.Append(" Q");
            _fill = _stroke = null;   // restored by Q, but we no longer know to what
            _lineWidth = -1;
            _charSpacing = double.NaN;
        }
        _ops.Append('\n');
    }

    /// <summary>Text turned clockwise about its origin, in a colour, in its own graphics state.</summary>
    public void TurnedText(double x, double baseline, double degrees, GlyphRun run, Rgb color)
    {
        var font = fonts.For(run.Face);
        Resource("/Font", font.ResourceName, font.Type0);
        var (cos, sin) = (Math.Cos(degrees * Math.PI / 180), Math.Sin(degrees * Math.PI / 180));
        _ops.Append("q ").Append(Colour(color)).Append(" rg ");
        if (run.Bold) _ops.Append(Colour(color)).Append(" RG ").Append(Number(run.Size / 30)).Append(" w 2 Tr ");
        if (_charSpacing != 0) _ops.Append("0 Tc ");
        _ops.Append(Fraction(cos)).Append(' ').Append(Fraction(-sin)).Append(' ').Append(Fraction(sin)).Append(' ').Append(Fraction(cos)).Append(' ')
            .Append(Number(x)).Append(' ').Append(Number(pageHeight - baseline)).Append(" cm BT ")
            .Append(font.ResourceName).Append(' ').Append(Number(run.Size)).Append(" Tf ");
        Glyphs(font, run.Text);
        _ops.Append(" Tj ET Q\n");
    }

    /// <summary>A circle as four Bézier quarters.</summary>
    public void Circle(double cx, double cy, double radius, double thickness, Rgb color)
    {
        Stroke(color);
        if (thickness != _lineWidth) { _lineWidth = thickness; _ops.Append(Number(thickness)).Append(" w "); }
        var (x, y, r, k) = (cx, pageHeight - cy, radius, radius * 0.5523);
        Move(x + r, y);
        Curve(x + r, y + k, x + k, y + r, x, y + r);
        Curve(x - k, y + r, x - r, y + k, x - r, y);
        Curve(x - r, y - k, x - k, y - r, x, y - r);
        Curve(x + k, y - r, x + r, y - k, x + r, y);
        _ops.Append("h S\n");
    }

    public void Polygon(IReadOnlyList<Point> points, Rgb color)
    {
        if (points.Count < 3) return;
        Fill(color);
        Move(points[0].X, pageHeight - points[0].Y);
        for (var i = 1; i < points.Count; i++)
            _ops.Append(Number(points[i].X)).Append(' ').Append(Number(pageHeight - points[i].Y)).Append(" l ");
        _ops.Append("h f\n");
    }

    private void Move(double x, double y) => _ops.Append(Number(x)).Append(' ').Append(Number(y)).Append(" m ");

    private void Curve(double x1, double y1, double x2, double y2, double x3, double y3) =>
        _ops.Append(Number(x1)).Append(' ').Append(Number(y1)).Append(' ').Append(Number(x2)).Append(' ').Append(Number(y2)).Append(' ')
            .Append(Number(x3)).Append(' ').Append(Number(y3)).Append(" c ");

    /// <summary>The glyph ids of the text as a hex string, each glyph noted with its text for ToUnicode.</summary>
    private void Glyphs(EmbeddedFonts.Font font, string text)
    {
        _ops.Append('<');
        foreach (var rune in text.EnumerateRunes())
        {
            var glyph = font.Face.Glyph(rune.Value);
            if (!font.Glyphs.ContainsKey(glyph)) font.Glyphs[glyph] = rune.ToString();
            _ops.Append(glyph.ToString("X4", CultureInfo.InvariantCulture));
        }
        _ops.Append('>');
    }

    public void Rectangle(double x, double y, double width, double height, Rgb color)
    {
        Fill(color);
        Re(x, y, width, height);
        _ops.Append("f\n");
    }

    /// <summary>Many rectangles (a QR code's modules) as one path of <c>re</c> operators and one fill.</summary>
    public void Rectangles(IReadOnlyList<Rect> rectangles, Rgb color)
    {
        if (rectangles.Count == 0) return;
        Fill(color);
        foreach (var r in rectangles) Re(r.X, r.Y, r.Width, r.Height);
        _ops.Append("f\n");
    }

    public void Line(double x1, double y1, double x2, double y2, double thickness, Rgb color)
    {
        Stroke(color);
        if (thickness != _lineWidth) { _lineWidth = thickness; _ops.Append(Number(thickness)).Append(" w "); }
        _ops.Append(Number(x1)).Append(' ').Append(Number(pageHeight - y1)).Append(" m ")
            .Append(Number(x2)).Append(' ').Append(Number(pageHeight - y2)).Append(" l S\n");
    }

    /// <summary>An image mask painted in <paramref name="ink"/>, stretched over the box.</summary>
    public void Stencil(PdfDictionary mask, string name, double x, double y, double width, double height, Rgb ink)
    {
        Resource("/XObject", name, mask);
        _ops.Append("q ").Append(Colour(ink)).Append(" rg ")
            .Append(Number(width)).Append(" 0 0 ").Append(Number(height)).Append(' ')
            .Append(Number(x)).Append(' ').Append(Number(pageHeight - y - height)).Append(" cm ")
            .Append(name).Append(" Do Q\n");
    }

    /// <summary>Appends what was written as a content stream of the page (PDFsharp deflates it on save).</summary>
    public void Flush()
    {
        if (_ops.Length == 0) return;
        var content = page.Contents.AppendContent();
        content.CreateStream(Encoding.ASCII.GetBytes("q\n" + _ops + "Q\n"));
        _ops.Clear();
    }

    private void Re(double x, double y, double width, double height) =>
        _ops.Append(Number(x)).Append(' ').Append(Number(pageHeight - y - height)).Append(' ')
            .Append(Number(width)).Append(' ').Append(Number(height)).Append(" re ");

    private void Fill(Rgb color)
    {
        if (_fill == color) return;
        _fill = color;
        _ops.Append(Colour(color)).Append(" rg ");
    }

    private void Stroke(Rgb color)
    {
        if (_stroke == color) return;
        _stroke = color;
        _ops.Append(Colour(color)).Append(" RG ");
    }

    private void Resource(string kind, string name, PdfDictionary target)
    {
        var resources = page.Resources.Elements;
        var dictionary = resources.GetDictionary(kind);
        if (dictionary is null) resources[kind] = dictionary = new PdfDictionary();
        if (!dictionary.Elements.ContainsKey(name)) dictionary.Elements.SetReference(name, target);
    }

    private static string Colour(Rgb c) => $"{Fraction(c.R / 255.0)} {Fraction(c.G / 255.0)} {Fraction(c.B / 255.0)}";

    /// <summary>Positions and sizes to a hundredth of a point (0.0035 mm), which is finer than any printer.</summary>
    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Colour components and the sines of a turn, to four places.</summary>
    private static string Fraction(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
