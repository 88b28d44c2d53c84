using Workflows.Documents.Fonts;

namespace Workflows.Documents.Layout.Elements;

public enum SpaceKind { Wrap, Partial, Full }

/// <summary>What an element needs of the space offered: nothing fits (wrap to the next page), a part, or all of it.</summary>
public readonly record struct SpacePlan(SpaceKind Kind, double Height)
{
    public static SpacePlan Wrap => new(SpaceKind.Wrap, 0);
    public static SpacePlan Full(double height) => new(SpaceKind.Full, height);
    public static SpacePlan Partial(double height) => new(SpaceKind.Partial, height);
}

/// <summary>Shared by every element of one layout: the canvas, the fonts and what went wrong with them.</summary>
public sealed class LayoutContext(ICanvas canvas, FontSet fonts)
{
    public ICanvas Canvas { get; } = canvas;
    public FontSet Fonts { get; } = fonts;

    /// <summary>Characters no face has (drawn as the primary face's missing-glyph box).</summary>
    public SortedSet<int> Missing { get; } = [];

    /// <summary>Characters set in a fallback face, by face family.</summary>
    public SortedDictionary<string, SortedSet<int>> FallenBack { get; } = new(StringComparer.Ordinal);

    internal Glyph[] Shape(IReadOnlyList<InlineRun> runs, double size)
    {
        var glyphs = TextLayout.Shape(runs, Fonts, size, Missing);
        foreach (var glyph in glyphs)
        {
            if (glyph.Face == Fonts.Primary) continue;
            if (!FallenBack.TryGetValue(glyph.Face.FamilyName, out var set)) FallenBack[glyph.Face.FamilyName] = set = [];
            set.Add(glyph.CodePoint);
        }
        return glyphs;
    }
}

/// <summary>
/// A block of the page flow. <see cref="Measure"/> says how much of the remaining space it
/// needs; <see cref="Draw"/> draws what fits there and remembers where to continue, so a long
/// element goes on over the next page.
/// </summary>
public abstract class Element
{
    public abstract SpacePlan Measure(LayoutContext context, double width, double height);

    public abstract void Draw(LayoutContext context, double x, double y, double width, double height);
}
