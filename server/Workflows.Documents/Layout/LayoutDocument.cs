using Workflows.Documents.Fonts;
using Workflows.Documents.Images;
using Workflows.Documents.Layout.Elements;

namespace Workflows.Documents.Layout;

/// <summary>Page size and the margins around the text block, in points.</summary>
public sealed record PageSetup(double Width, double Height, double Top, double Right, double Bottom, double Left)
{
    public double ContentWidth => Width - Left - Right;
    public double ContentBottom => Height - Bottom;
}

/// <summary>A line of a header or footer; <c>{page}</c> and <c>{pages}</c> in its text are the page numbers.</summary>
public sealed record PageLine(IReadOnlyList<InlineRun> Runs, TextAlign Align, double Size);

/// <summary>Text placed at an absolute position (for overprinting pre-printed paper), <c>Y</c> the top of its first line.</summary>
public sealed record PositionedBox(double X, double Y, double Width, double Size, IReadOnlyList<InlineRun> Runs);

/// <summary>A QR code at an absolute position (on certificate cards); <c>Print</c> false leaves it out of overprints.</summary>
public sealed record PositionedQr(double X, double Y, double Size, string Value, bool Print);

/// <summary>An image filling the page behind everything; <c>Print</c> false leaves it out of prints on pre-printed paper.</summary>
public sealed record PageBackground(ImageData Image, bool Print);

public enum OutputMode
{
    /// <summary>The electronic document (and plain paper): everything, backgrounds included.</summary>
    Electronic,

    /// <summary>Printing on pre-printed paper: backgrounds marked <c>print="false"</c> are left out, the printer's offset applied.</summary>
    Overprint,
}

/// <summary>
/// The layout tree of one document and its page loop: the body flows over as many pages as it
/// needs; headers, footers, backgrounds and positioned boxes are drawn on every page.
/// </summary>
public sealed class LayoutDocument(PageSetup page, IReadOnlyList<Element> body, IReadOnlyList<PageLine> header, IReadOnlyList<PageLine> footer,
    IReadOnlyList<PositionedBox> boxes, IReadOnlyList<PageBackground> backgrounds, IReadOnlyList<PositionedQr>? codes = null)
{
    public PageSetup Page => page;

    /// <summary>Lays the document out into pages of drawing operations. An element is laid out once: parse again to lay out again.</summary>
    public DisplayList Layout(FontSet fonts, OutputMode mode, out LayoutContext context)
    {
        var list = new DisplayList();
        context = new LayoutContext(list, fonts);
        var width = page.ContentWidth;
        NewPage(context, mode);
        var y = page.Top;
        for (var index = 0; index < body.Count; index++)
        {
            var element = body[index];
            while (true)
            {
                var available = page.ContentBottom - y;
                var plan = element.Measure(context, width, available);
                if (index + 1 < body.Count && body[index + 1] is SignatureElement signature && element is ParagraphElement paragraph)
                    plan = KeepWithSignature(context, paragraph, signature, plan, width, available, y);
                if (plan.Kind == SpaceKind.Wrap)
                {
                    if (y > page.Top + 0.01)
                    {
                        NewPage(context, mode);
                        y = page.Top;
                        continue;
                    }
                    // Too big even for an empty page: draw it anyway (clipped by the paper), never loop.
                    plan = element.Measure(context, width, double.MaxValue / 4);
                    element.Draw(context, page.Left, y, width, plan.Height);
                    y += plan.Height;
                    if (plan.Kind == SpaceKind.Full) break;
                }
                else
                {
                    element.Draw(context, page.Left, y, width, plan.Height);
                    y += plan.Height;
                    if (plan.Kind == SpaceKind.Full) break;
                }
                NewPage(context, mode);
                y = page.Top;
            }
        }
        DrawHeadersAndFooters(context, list);
        return list;
    }

    /// <summary>
    /// The signature and seal never stand alone on a page (GB/T 9704 7.3.5.1): when they will not
    /// fit under the paragraph before them, the paragraph's last lines go over with them.
    /// </summary>
    private SpacePlan KeepWithSignature(LayoutContext context, ParagraphElement paragraph, SignatureElement signature, SpacePlan plan,
        double width, double available, double y)
    {
        if (plan.Kind != SpaceKind.Full) return plan;
        var fullPage = page.ContentBottom - page.Top;
        if (signature.Measure(context, width, available - plan.Height).Kind != SpaceKind.Wrap) return plan;
        if (signature.Measure(context, width, fullPage).Kind == SpaceKind.Wrap) return plan;   // too big anyway
        var lines = paragraph.RemainingLines(context, width);
        var carry = lines >= 3 ? 2 : 1;
        if (lines > carry) return paragraph.Measure(context, width, plan.Height - carry * paragraph.LineHeight - 0.02);
        // The whole paragraph goes over, unless it already starts the page.
        return y > page.Top + 0.01 ? SpacePlan.Wrap : plan;
    }

    private void NewPage(LayoutContext context, OutputMode mode)
    {
        context.Canvas.BeginPage(page.Width, page.Height);
        foreach (var background in backgrounds)
            if (background.Print || mode == OutputMode.Electronic)
                context.Canvas.DrawImage(background.Image, 0, 0, page.Width, page.Height);
        foreach (var code in codes ?? [])
            if (code.Print || mode == OutputMode.Electronic)
                QrElement.DrawCode(context.Canvas, code.Value, code.X, code.Y, code.Size);
        foreach (var box in boxes)
        {
            var lineHeight = box.Size * 1.25;
            var paragraph = new ParagraphElement(box.Runs, box.Size, lineHeight, TextAlign.Left, 0);
            paragraph.DrawAll(context, box.X, box.Y - (lineHeight - box.Size) / 2, box.Width);
        }
    }

    private void DrawHeadersAndFooters(LayoutContext context, DisplayList list)
    {
        var total = list.Pages.Count;
        var pages = list.Pages.ToList();
        for (var i = 0; i < pages.Count; i++)
        {
            // Draw into page i: the display list appends to its current (last) page, so swap it in.
            var recorder = new DisplayList();
            var local = new LayoutContext(recorder, context.Fonts);
            recorder.BeginPage(page.Width, page.Height);
            DrawLines(local, header, i + 1, total, bottom: page.Top - Length.Mm(4), fromBottom: true);
            DrawLines(local, footer, i + 1, total, bottom: page.ContentBottom + Length.Mm(7), fromBottom: false);
            pages[i].Operations.AddRange(recorder.Pages[0].Operations);
            foreach (var c in local.Missing) context.Missing.Add(c);
        }
    }

    private void DrawLines(LayoutContext context, IReadOnlyList<PageLine> lines, int number, int total, double bottom, bool fromBottom)
    {
        if (lines.Count == 0) return;
        var heights = lines.Select(l => l.Size * 1.5).ToList();
        var y = fromBottom ? bottom - heights.Sum() : bottom;
        for (var i = 0; i < lines.Count; i++)
        {
            var runs = lines[i].Runs.Select(r => r with { Text = r.Text.Replace("{page}", number.ToString()).Replace("{pages}", total.ToString()) }).ToList();
            new ParagraphElement(runs, lines[i].Size, heights[i], lines[i].Align, 0).DrawAll(context, page.Left, y, page.ContentWidth);
            y += heights[i];
        }
    }
}
