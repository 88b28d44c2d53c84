using Workflows.Documents.Images;

namespace Workflows.Documents.Layout;

/// <summary>
/// The laid-out document: pages of drawing operations, recorded by the layout and replayed on a
/// backend's canvas. Keeping them lets the footer know the page count before anything is
/// written, lets a print shift everything by a printer's calibration offset, and lets tests
/// look at positions without a PDF.
/// </summary>
public sealed class DisplayList : ICanvas
{
    private readonly List<RecordedPage> _pages = [];

    public IReadOnlyList<RecordedPage> Pages => _pages;

    public RecordedPage Current => _pages[^1];

    public void BeginPage(double width, double height) => _pages.Add(new RecordedPage(width, height));

    public void DrawText(double x, double baseline, GlyphRun run) => Current.Operations.Add(new TextOperation(x, baseline, run));

    public void FillRectangle(double x, double y, double width, double height, Rgb color) =>
        Current.Operations.Add(new RectangleOperation(x, y, width, height, color));

    public void FillRectangles(IReadOnlyList<Rect> rectangles, Rgb color) =>
        Current.Operations.Add(new RectanglesOperation(rectangles, color));

    public void StrokeLine(double x1, double y1, double x2, double y2, double thickness, Rgb color) =>
        Current.Operations.Add(new LineOperation(x1, y1, x2, y2, thickness, color));

    public void DrawImage(ImageData image, double x, double y, double width, double height) =>
        Current.Operations.Add(new ImageOperation(image, x, y, width, height));

    public void DrawTurnedText(double x, double baseline, double degrees, GlyphRun run, Rgb color) =>
        Current.Operations.Add(new TurnedTextOperation(x, baseline, degrees, run, color));

    public void StrokeCircle(double centreX, double centreY, double radius, double thickness, Rgb color) =>
        Current.Operations.Add(new CircleOperation(centreX, centreY, radius, thickness, color));

    public void FillPolygon(IReadOnlyList<Point> points, Rgb color) => Current.Operations.Add(new PolygonOperation(points, color));

    /// <summary>Replays every page on <paramref name="target"/>, shifted by (dx, dy) points.</summary>
    public void ReplayOn(ICanvas target, double dx = 0, double dy = 0)
    {
        foreach (var page in _pages)
        {
            target.BeginPage(page.Width, page.Height);
            foreach (var operation in page.Operations) operation.Replay(target, dx, dy);
        }
    }
}

public sealed class RecordedPage(double width, double height)
{
    public double Width { get; } = width;
    public double Height { get; } = height;
    public List<DrawOperation> Operations { get; } = [];
}

public abstract record DrawOperation
{
    public abstract void Replay(ICanvas canvas, double dx, double dy);
}

public sealed record TextOperation(double X, double Baseline, GlyphRun Run) : DrawOperation
{
    public override void Replay(ICanvas canvas, double dx, double dy) => canvas.DrawText(X + dx, Baseline + dy, Run);
}

public sealed record RectangleOperation(double X, double Y, double Width, double Height, Rgb Color) : DrawOperation
{
    public override void Replay(ICanvas canvas, double dx, double dy) => canvas.FillRectangle(X + dx, Y + dy, Width, Height, Color);
}

public sealed record RectanglesOperation(IReadOnlyList<Rect> Rectangles, Rgb Color) : DrawOperation
{
    public override void Replay(ICanvas canvas, double dx, double dy) =>
        canvas.FillRectangles(dx == 0 && dy == 0 ? Rectangles : Rectangles.Select(r => r with { X = r.X + dx, Y = r.Y + dy }).ToList(), Color);
}

public sealed record LineOperation(double X1, double Y1, double X2, double Y2, double Thickness, Rgb Color) : DrawOperation
{
    public override void Replay(ICanvas canvas, double dx, double dy) => canvas.StrokeLine(X1 + dx, Y1 + dy, X2 + dx, Y2 + dy, Thickness, Color);
}

public sealed record ImageOperation(ImageData Image, double X, double Y, double Width, double Height) : DrawOperation
{
    public override void Replay(ICanvas canvas, double dx, double dy) => canvas.DrawImage(Image, X + dx, Y + dy, Width, Height);
}

public sealed record TurnedTextOperation(double X, double Baseline, double Degrees, GlyphRun Run, Rgb Color) : DrawOperation
{
    public override void Replay(ICanvas canvas, double dx, double dy) => canvas.DrawTurnedText(X + dx, Baseline + dy, Degrees, Run, Color);
}

public sealed record CircleOperation(double CentreX, double CentreY, double Radius, double Thickness, Rgb Color) : DrawOperation
{
    public override void Replay(ICanvas canvas, double dx, double dy) => canvas.StrokeCircle(CentreX + dx, CentreY + dy, Radius, Thickness, Color);
}

public sealed record PolygonOperation(IReadOnlyList<Point> Points, Rgb Color) : DrawOperation
{
    public override void Replay(ICanvas canvas, double dx, double dy) =>
        canvas.FillPolygon(dx == 0 && dy == 0 ? Points : Points.Select(p => new Point(p.X + dx, p.Y + dy)).ToList(), Color);
}
