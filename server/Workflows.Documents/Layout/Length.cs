using System.Globalization;

namespace Workflows.Documents.Layout;

/// <summary>Lengths of the markup: <c>mm</c>, <c>pt</c> or <c>em</c>; everything is laid out in points.</summary>
public static class Length
{
    public const double PointsPerMm = 72 / 25.4;

    public static double Mm(double mm) => mm * PointsPerMm;

    public static double ToMm(double points) => points / PointsPerMm;

    /// <summary>Parses <c>12mm</c>, <c>16pt</c>, <c>2em</c> (relative to <paramref name="em"/>) or <c>0</c>; null when malformed.</summary>
    public static double? TryParse(string text, double em)
    {
        text = text.Trim();
        if (text == "0") return 0;
        var (number, factor) = text switch
        {
            _ when text.EndsWith("mm", StringComparison.Ordinal) => (text[..^2], PointsPerMm),
            _ when text.EndsWith("pt", StringComparison.Ordinal) => (text[..^2], 1.0),
            _ when text.EndsWith("em", StringComparison.Ordinal) => (text[..^2], em),
            _ => (null, 0.0),
        };
        if (number is null || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0 || double.IsInfinity(value))
            return null;
        return value * factor;
    }
}
