using System.Text;
using Workflows.Documents.Fonts;

namespace Workflows.Documents.Layout;

/// <summary>A run of inline text: the content of a <c>p</c>, or of a <c>b</c> inside it.</summary>
public sealed record InlineRun(string Text, bool Bold);

/// <summary>One character placed in a face, with its advance at the run's size.</summary>
public readonly record struct Glyph(int CodePoint, TrueTypeFace Face, bool Bold, double Advance);

public enum TextAlign { Left, Center, Right, Justify }

/// <summary>A text line: glyphs [Start, End) of the paragraph and their natural width.</summary>
public readonly record struct TextLine(int Start, int End, double Width, bool EndsParagraph);

/// <summary>
/// Turns inline runs into glyphs (choosing a face per character along the fallback chain) and
/// breaks them into lines of a given width following <see cref="Kinsoku"/>.
/// </summary>
public static class TextLayout
{
    /// <summary>Glyphs of the runs; characters no face has are added to <paramref name="missing"/> and drawn in the primary face.</summary>
    public static Glyph[] Shape(IReadOnlyList<InlineRun> runs, FontSet fonts, double size, ISet<int> missing)
    {
        var glyphs = new List<Glyph>();
        foreach (var run in runs)
        {
            foreach (var rune in run.Text.EnumerateRunes())
            {
                var c = rune.Value;
                var face = fonts.FaceFor(c);
                if (face is null)
                {
                    missing.Add(c);
                    face = fonts.Primary;
                }
                var advance = face.Advance(c) * size;
                if (advance == 0 && face == fonts.Primary && !face.Has(c)) advance = size;
                glyphs.Add(new Glyph(c, face, run.Bold, advance));
            }
        }
        return [.. glyphs];
    }

    /// <summary>
    /// Greedy line breaking: each line takes as many glyphs as fit in <paramref name="width"/>
    /// (the first line <paramref name="firstIndent"/> less), ending at the last allowed break.
    /// A run with no allowed break (a long number or URL) is cut where it overflows.
    /// Spaces at a line's end are not counted; a space at a line's start is skipped.
    /// </summary>
    public static List<TextLine> Break(Glyph[] glyphs, double width, double firstIndent)
    {
        var lines = new List<TextLine>();
        var start = 0;
        while (start < glyphs.Length)
        {
            while (start < glyphs.Length && Kinsoku.IsSpace(glyphs[start].CodePoint) && lines.Count > 0) start++;
            if (start >= glyphs.Length) break;
            var available = width - (lines.Count == 0 ? firstIndent : 0);
            var used = 0.0;
            var lastBreak = -1;   // a line may end before glyph lastBreak
            var end = start;
            while (end < glyphs.Length)
            {
                if (end > start && Kinsoku.CanBreakBetween(glyphs[end - 1].CodePoint, glyphs[end].CodePoint)) lastBreak = end;
                var next = used + glyphs[end].Advance;
                if (next > available + 0.01 && end > start && !Kinsoku.IsSpace(glyphs[end].CodePoint))
                {
                    if (lastBreak > start) end = lastBreak;
                    break;
                }
                used = next;
                end++;
            }
            lines.Add(new TextLine(start, end, Measure(glyphs, start, end), end >= glyphs.Length));
            start = end;
        }
        if (lines.Count == 0) lines.Add(new TextLine(0, 0, 0, true));
        return lines;
    }

    /// <summary>The width of glyphs [start, end) without trailing spaces.</summary>
    public static double Measure(Glyph[] glyphs, int start, int end)
    {
        while (end > start && Kinsoku.IsSpace(glyphs[end - 1].CodePoint)) end--;
        var width = 0.0;
        for (var i = start; i < end; i++) width += glyphs[i].Advance;
        return width;
    }

    /// <summary>
    /// Draws one line: glyphs grouped into runs of one face and weight; a justified line spreads
    /// its free space evenly between all its characters.
    /// </summary>
    public static void DrawLine(ICanvas canvas, Glyph[] glyphs, TextLine line, double x, double baseline, double width,
        double size, TextAlign align)
    {
        var end = line.End;
        while (end > line.Start && Kinsoku.IsSpace(glyphs[end - 1].CodePoint)) end--;
        if (end <= line.Start) return;
        var free = Math.Max(0, width - line.Width);
        var spacing = 0.0;
        switch (align)
        {
            case TextAlign.Center: x += free / 2; break;
            case TextAlign.Right: x += free; break;
            case TextAlign.Justify when !line.EndsParagraph && end - line.Start > 1 && free < size * 4:
                spacing = free / (end - line.Start - 1);
                break;
        }
        var text = new StringBuilder();
        var i = line.Start;
        while (i < end)
        {
            var first = glyphs[i];
            text.Clear();
            var runWidth = 0.0;
            var j = i;
            while (j < end && glyphs[j].Face == first.Face && glyphs[j].Bold == first.Bold)
            {
                text.Append(char.ConvertFromUtf32(glyphs[j].CodePoint));
                runWidth += glyphs[j].Advance + spacing;
                j++;
            }
            // The spacing after a run's last character is the gap before the next run.
            canvas.DrawText(x, baseline, new GlyphRun(text.ToString(), first.Face, size, first.Bold, spacing, runWidth - (j == end ? spacing : 0)));
            x += runWidth;
            i = j;
        }
    }

    /// <summary>The baseline in a line box of height <paramref name="lineHeight"/>: the em box centred, ideographic baseline at 0.88 em.</summary>
    public static double Baseline(double top, double lineHeight, double size) => top + (lineHeight - size) / 2 + size * 0.88;
}
