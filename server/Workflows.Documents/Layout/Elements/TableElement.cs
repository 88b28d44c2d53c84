namespace Workflows.Documents.Layout.Elements;

/// <summary>
/// A bordered table: fixed column widths, cells whose text wraps, rows kept whole and moved to
/// the next page when they do not fit, the header rows repeated at the top of every page.
/// </summary>
public sealed class TableElement(IReadOnlyList<double> widths, IReadOnlyList<IReadOnlyList<ParagraphElement>> rows, int headerRows,
    double padding, double borderWidth) : Element
{
    /// <summary>Space kept below the table, before the next paragraph.</summary>
    private const double SpaceAfter = 6;

    private int _next = headerRows;
    private double[]? _heights;

    private double[] Heights(LayoutContext context)
    {
        if (_heights is not null) return _heights;
        _heights = new double[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var height = 0.0;
            for (var c = 0; c < rows[r].Count && c < widths.Count; c++)
                height = Math.Max(height, rows[r][c].HeightFor(context, widths[c] - 2 * padding));
            _heights[r] = height + 2 * padding;
        }
        return _heights;
    }

    private double HeaderHeight(LayoutContext context) => Heights(context).Take(headerRows).Sum();

    /// <summary>The rows after the header that fit in <paramref name="height"/> (at least one when <paramref name="force"/>).</summary>
    private int Fitting(LayoutContext context, double height, bool force)
    {
        var heights = Heights(context);
        var used = HeaderHeight(context);
        var count = 0;
        for (var r = _next; r < rows.Count && used + heights[r] <= height + 0.01; r++, count++) used += heights[r];
        return count == 0 && force && _next < rows.Count ? 1 : count;
    }

    public override SpacePlan Measure(LayoutContext context, double width, double height)
    {
        var heights = Heights(context);
        if (_next >= rows.Count) return SpacePlan.Full(_next == headerRows ? HeaderHeight(context) : 0);
        var count = Fitting(context, height, force: false);
        if (count == 0) return SpacePlan.Wrap;
        var used = HeaderHeight(context) + heights.Skip(_next).Take(count).Sum();
        return _next + count >= rows.Count ? SpacePlan.Full(Math.Min(used + SpaceAfter, Math.Max(used, height))) : SpacePlan.Partial(used);
    }

    public override void Draw(LayoutContext context, double x, double y, double width, double height)
    {
        var heights = Heights(context);
        var count = Fitting(context, height, force: true);
        var top = y;
        for (var r = 0; r < headerRows; r++) top = DrawRow(context, r, x, top, heights[r]);
        if (_next >= rows.Count) return;
        for (var n = 0; n < count; n++, _next++) top = DrawRow(context, _next, x, top, heights[_next]);
    }

    private double DrawRow(LayoutContext context, int r, double x, double y, double height)
    {
        var canvas = context.Canvas;
        var left = x;
        for (var c = 0; c < widths.Count; c++)
        {
            if (c < rows[r].Count) rows[r][c].DrawAll(context, left + padding, y + padding, widths[c] - 2 * padding);
            canvas.StrokeLine(left, y, left, y + height, borderWidth, Rgb.Black);
            left += widths[c];
        }
        canvas.StrokeLine(left, y, left, y + height, borderWidth, Rgb.Black);
        canvas.StrokeLine(x, y, left, y, borderWidth, Rgb.Black);
        canvas.StrokeLine(x, y + height, left, y + height, borderWidth, Rgb.Black);
        return y + height;
    }
}
