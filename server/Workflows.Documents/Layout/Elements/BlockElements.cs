using QRCoder;
using Workflows.Documents.Images;

namespace Workflows.Documents.Layout.Elements;

/// <summary>An element that never splits: it fits where it is, or moves whole to the next page.</summary>
public abstract class FixedElement : Element
{
    protected abstract double HeightFor(LayoutContext context, double width);

    protected abstract void DrawAt(LayoutContext context, double x, double y, double width);

    public override SpacePlan Measure(LayoutContext context, double width, double height)
    {
        var needed = HeightFor(context, width);
        return needed <= height + 0.01 ? SpacePlan.Full(needed) : SpacePlan.Wrap;
    }

    public override void Draw(LayoutContext context, double x, double y, double width, double height) => DrawAt(context, x, y, width);

    protected static double Aligned(double x, double width, double itemWidth, TextAlign align) => align switch
    {
        TextAlign.Center => x + (width - itemWidth) / 2,
        TextAlign.Right => x + width - itemWidth,
        _ => x,
    };
}

/// <summary>A PNG or JPEG, <c>width</c> wide, its height keeping the ratio.</summary>
public sealed class ImageElement(ImageData image, double imageWidth, TextAlign align) : FixedElement
{
    protected override double HeightFor(LayoutContext context, double width) => Math.Min(imageWidth, width) * image.Ratio;

    protected override void DrawAt(LayoutContext context, double x, double y, double width)
    {
        var w = Math.Min(imageWidth, width);
        context.Canvas.DrawImage(image, Aligned(x, width, w, align), y, w, w * image.Ratio);
    }
}

/// <summary>A QR code (QRCoder encodes; we draw the modules as filled rectangles, so it stays sharp at any size).</summary>
public sealed class QrElement(string value, double size, TextAlign align) : FixedElement
{
    public string Value => value;

    protected override double HeightFor(LayoutContext context, double width) => size;

    protected override void DrawAt(LayoutContext context, double x, double y, double width) =>
        DrawCode(context.Canvas, value, Aligned(x, width, size, align), y, size);

    /// <summary>Draws the code of <paramref name="value"/> with its quiet zone in a square of <paramref name="size"/>.</summary>
    public static void DrawCode(ICanvas canvas, string value, double x, double y, double size)
    {
        var code = QrRuns.Of(value);
        var module = size / code.Count;
        var modules = new List<Rect>(code.Runs.Length);
        foreach (var (row, start, length) in code.Runs)
            // A hair of overlap so that viewers do not show seams between modules.
            modules.Add(new Rect(x + start * module, y + row * module, length * module + 0.05, module + 0.05));
        canvas.FillRectangles(modules, Rgb.Black);
    }
}

/// <summary>
/// A QR code as runs of dark modules per row, encoded once per value: a notice's verification URL
/// is drawn again on every render of the same document (preview, reprint), and encoding (Reed–Solomon,
/// eight masks scored) costs more than drawing. The cache is bounded; past its size it starts over.
/// </summary>
public sealed record QrRuns(int Count, (short Row, short Start, short Length)[] Runs)
{
    private const int Capacity = 2048;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, QrRuns> Cache = new(StringComparer.Ordinal);

    public static QrRuns Of(string value)
    {
        if (Cache.TryGetValue(value, out var known)) return known;
        var code = Encode(value);
        if (Cache.Count >= Capacity) Cache.Clear();
        Cache[value] = code;
        return code;
    }

    private static QrRuns Encode(string value)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(value, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var runs = new List<(short, short, short)>(matrix.Count * 8);
        for (var row = 0; row < matrix.Count; row++)
        {
            var bits = matrix[row];
            var col = 0;
            while (col < bits.Length)
            {
                if (!bits[col]) { col++; continue; }
                var start = col;
                while (col < bits.Length && bits[col]) col++;
                runs.Add(((short)row, (short)start, (short)(col - start)));
            }
        }
        return new QrRuns(matrix.Count, [.. runs]);
    }
}

/// <summary>
/// The issuing body and the date (成文日期), right-aligned with the date four characters from the
/// right edge and the name centred over the date (GB/T 9704 7.3.5.1); the seal is drawn over
/// both, centred on them and a little above, so that they sit in its lower half.
/// </summary>
/// <remarks>A QR code (verification, progress) may stand at the left of the block, with a caption under it.</remarks>
public sealed class SignatureElement(ParagraphElement name, ParagraphElement date, Seal? seal, double size, double lineHeight,
    double sealDiameter, string? qr = null, ParagraphElement? qrCaption = null, double qrSize = 0) : FixedElement
{
    // One blank line above the name: the seal's top comes within a line of the text above it.
    private double NameTop => lineHeight;
    private double SealTop => NameTop + lineHeight - sealDiameter / 2 - lineHeight * 0.1;

    protected override double HeightFor(LayoutContext context, double width)
    {
        var height = NameTop + lineHeight * 2;
        if (seal is not null) height = Math.Max(height, SealTop + sealDiameter * seal.Ratio);
        if (qr is not null) height = Math.Max(height, qrSize + (qrCaption?.HeightFor(context, qrSize * 1.6) ?? 0));
        return height;
    }

    protected override void DrawAt(LayoutContext context, double x, double y, double width)
    {
        var dateWidth = date.LinesFor(context, width)[0].Width;
        var nameWidth = name.LinesFor(context, width)[0].Width;
        var dateRight = x + width - 4 * size;
        var centre = dateRight - dateWidth / 2;
        var nameLeft = Math.Min(centre - nameWidth / 2, x + width - nameWidth);
        name.DrawAll(context, Math.Max(x, nameLeft), y + NameTop, nameWidth + 0.5);
        date.DrawAll(context, dateRight - dateWidth, y + NameTop + lineHeight, dateWidth + 0.5);
        if (qr is not null)
        {
            QrElement.DrawCode(context.Canvas, qr, x, y, qrSize);
            qrCaption?.DrawAll(context, x, y + qrSize, qrSize * 1.6);
        }
        if (seal is not null)
        {
            seal.Draw(context, centre - sealDiameter / 2, y + SealTop, sealDiameter);
        }
    }
}

/// <summary>Empty space, e.g. an empty <c>p</c>.</summary>
public sealed class SpaceElement(double height) : FixedElement
{
    protected override double HeightFor(LayoutContext context, double width) => height;

    protected override void DrawAt(LayoutContext context, double x, double y, double width) { }
}
