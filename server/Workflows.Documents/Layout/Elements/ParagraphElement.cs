namespace Workflows.Documents.Layout.Elements;

/// <summary>Text broken into lines (CJK rules, kinsoku), split between pages at line boundaries.</summary>
public sealed class ParagraphElement(IReadOnlyList<InlineRun> runs, double size, double lineHeight, TextAlign align, double indent,
    double spaceAfter = 0) : Element
{
    private Glyph[]? _glyphs;
    private List<TextLine>? _lines;
    private double _width = -1;
    private int _next;

    public double Size => size;

    public double LineHeight => lineHeight;

    /// <summary>Lines not drawn yet at this width.</summary>
    public int RemainingLines(LayoutContext context, double width) => LinesFor(context, width).Count - _next;

    public IReadOnlyList<TextLine> LinesFor(LayoutContext context, double width)
    {
        _glyphs ??= context.Shape(runs, size);
        if (_lines is null || Math.Abs(_width - width) > 0.001)
        {
            _lines = TextLayout.Break(_glyphs, width, indent);
            _width = width;
        }
        return _lines;
    }

    /// <summary>The height of the whole paragraph at this width (for table cells and boxes).</summary>
    public double HeightFor(LayoutContext context, double width) => LinesFor(context, width).Count * lineHeight + spaceAfter;

    public override SpacePlan Measure(LayoutContext context, double width, double height)
    {
        var remaining = LinesFor(context, width).Count - _next;
        var fit = (int)Math.Floor((height + 0.01) / lineHeight);
        if (fit <= 0) return SpacePlan.Wrap;
        if (fit >= remaining) return SpacePlan.Full(remaining * lineHeight + Math.Min(spaceAfter, Math.Max(0, height - remaining * lineHeight)));
        return SpacePlan.Partial(fit * lineHeight);
    }

    public override void Draw(LayoutContext context, double x, double y, double width, double height)
    {
        var lines = LinesFor(context, width);
        var fit = Math.Max(1, (int)Math.Floor((height + 0.01) / lineHeight));
        for (var n = 0; n < fit && _next < lines.Count; n++, _next++)
        {
            var line = lines[_next];
            var indentHere = line.Start == 0 ? indent : 0;
            TextLayout.DrawLine(context.Canvas, _glyphs!, line, x + indentHere, TextLayout.Baseline(y + n * lineHeight, lineHeight, size),
                width - indentHere, size, align);
        }
    }

    /// <summary>Draws every line from the top, ignoring page state (cells, boxes, headers).</summary>
    public void DrawAll(LayoutContext context, double x, double y, double width)
    {
        var lines = LinesFor(context, width);
        for (var n = 0; n < lines.Count; n++)
        {
            var indentHere = lines[n].Start == 0 ? indent : 0;
            TextLayout.DrawLine(context.Canvas, _glyphs!, lines[n], x + indentHere, TextLayout.Baseline(y + n * lineHeight, lineHeight, size),
                width - indentHere, size, align);
        }
    }
}
