using Workflows.Documents.Fonts;
using Workflows.Documents.Images;

namespace Workflows.Documents.Layout;

/// <summary>
/// What a layout draws on: our own small surface, so the PDF library stays a replaceable
/// backend. Coordinates are points from the page's top-left corner, y downwards.
/// </summary>
public interface ICanvas
{
    void BeginPage(double width, double height);

    /// <summary>Draws a run of text in one face with its baseline at <paramref name="baseline"/>.</summary>
    void DrawText(double x, double baseline, GlyphRun run);

    void FillRectangle(double x, double y, double width, double height, Rgb color);

    /// <summary>Fills many rectangles in one colour as one shape (the modules of a QR code).</summary>
    void FillRectangles(IReadOnlyList<Rect> rectangles, Rgb color);

    void StrokeLine(double x1, double y1, double x2, double y2, double thickness, Rgb color);

    void DrawImage(ImageData image, double x, double y, double width, double height);

    /// <summary>
    /// Draws a run of text in a colour, turned <paramref name="degrees"/> clockwise about its origin
    /// (x, baseline): the characters of a seal set along its ring.
    /// </summary>
    void DrawTurnedText(double x, double baseline, double degrees, GlyphRun run, Rgb color);

    void StrokeCircle(double centreX, double centreY, double radius, double thickness, Rgb color);

    /// <summary>Fills a closed polygon (the star of a seal).</summary>
    void FillPolygon(IReadOnlyList<Point> points, Rgb color);
}

public readonly record struct Point(double X, double Y);

public readonly record struct Rect(double X, double Y, double Width, double Height);

public readonly record struct Rgb(byte R, byte G, byte B)
{
    public static readonly Rgb Black = new(0, 0, 0);
}

/// <summary>
/// Text in one face and size. <see cref="Spacing"/> is added after every character but the
/// last (CJK justification spreads a line this way); <see cref="Width"/> includes it.
/// </summary>
public sealed record GlyphRun(string Text, TrueTypeFace Face, double Size, bool Bold, double Spacing, double Width);
