using Workflows.Documents.Images;

namespace Workflows.Documents.Layout.Elements;

/// <summary>The seal over a signature: an image (a scanned or issued seal), or one drawn from the organisation's name.</summary>
public abstract class Seal
{
    /// <summary>Height over width.</summary>
    public abstract double Ratio { get; }

    public abstract void Draw(LayoutContext context, double left, double top, double diameter);
}

/// <summary>A seal image; a one-ink image is embedded by the backend as a small stencil (see <see cref="InkMask"/>).</summary>
public sealed class ImageSeal(ImageData image) : Seal
{
    public ImageData Image { get; } = image;

    public override double Ratio => Image.Ratio;

    public override void Draw(LayoutContext context, double left, double top, double diameter) =>
        context.Canvas.DrawImage(Image, left, top, diameter, diameter * Image.Ratio);
}

/// <summary>
/// A round official seal drawn as vectors, about 1 KB in a PDF instead of an image: a red ring, a
/// five-pointed star in the middle, the organisation's name set clockwise along the upper arc in
/// the document's fonts (so it is real text, found by search and read by pdftotext), and an
/// optional line under the star (业务专用章...). Seal characters are heavy, so they are set bold (filled and stroked).
/// </summary>
public sealed class DrawnSeal(string organisation, string? bottomText = null) : Seal
{
    /// <summary>印章红, the red of seal ink.</summary>
    public static readonly Rgb Ink = new(0xE6, 0x00, 0x12);

    public string Organisation { get; } = organisation.Trim();
    public string? BottomText { get; } = string.IsNullOrWhiteSpace(bottomText) ? null : bottomText.Trim();

    public override double Ratio => 1;

    public override void Draw(LayoutContext context, double left, double top, double diameter)
    {
        var canvas = context.Canvas;
        var (cx, cy) = (left + diameter / 2, top + diameter / 2);
        var ring = diameter * 0.03;
        canvas.StrokeCircle(cx, cy, diameter / 2 - ring / 2, ring, Ink);
        canvas.FillPolygon(Star(cx, cy, diameter * 0.17), Ink);

        var characters = Organisation.EnumerateRunes().Select(r => r.Value).ToList();
        if (characters.Count > 0)
        {
            // Along the arc over the star: at most 250°, each character upright towards the centre.
            var radius = diameter * 0.385;
            var size = diameter * 0.13;
            var step = size * 1.05 / radius;
            var span = Math.Min(250 * Math.PI / 180, step * characters.Count);
            step = span / characters.Count;
            size = Math.Min(size, step * radius * 0.95);
            for (var i = 0; i < characters.Count; i++)
            {
                var angle = -span / 2 + step * (i + 0.5);
                Character(context, characters[i], size, cx + radius * Math.Sin(angle), cy - radius * Math.Cos(angle), angle);
            }
        }
        if (BottomText is not null)
        {
            var size = diameter * 0.09;
            var glyphs = context.Shape([new InlineRun(BottomText, false)], size);
            var width = glyphs.Sum(g => g.Advance);
            var x = cx - width / 2;
            foreach (var glyph in glyphs)
            {
                canvas.DrawTurnedText(x, cy + diameter * 0.33, 0, new GlyphRun(char.ConvertFromUtf32(glyph.CodePoint), glyph.Face, size, true, 0, glyph.Advance), Ink);
                x += glyph.Advance;
            }
        }
    }

    /// <summary>One character centred on (x, y), turned clockwise by <paramref name="angle"/> radians.</summary>
    private static void Character(LayoutContext context, int codePoint, double size, double x, double y, double angle)
    {
        var glyph = context.Shape([new InlineRun(char.ConvertFromUtf32(codePoint), false)], size)[0];
        // The character's centre relative to its origin on the baseline (y down): half its advance
        // across, and halfway between ascent and descent.
        var (u, v) = (glyph.Advance / 2, (glyph.Face.Descent - glyph.Face.Ascent) / 2 * size);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var originX = x - (u * cos - v * sin);
        var originY = y - (u * sin + v * cos);
        context.Canvas.DrawTurnedText(originX, originY, angle * 180 / Math.PI,
            new GlyphRun(char.ConvertFromUtf32(codePoint), glyph.Face, size, true, 0, glyph.Advance), Ink);
    }

    /// <summary>A five-pointed star, one point up: ten corners alternating between the outer and inner radius.</summary>
    private static List<Point> Star(double cx, double cy, double outer)
    {
        var inner = outer * 0.382;
        var points = new List<Point>(10);
        for (var k = 0; k < 10; k++)
        {
            var angle = k * Math.PI / 5;
            var r = k % 2 == 0 ? outer : inner;
            points.Add(new Point(cx + r * Math.Sin(angle), cy - r * Math.Cos(angle)));
        }
        return points;
    }
}
