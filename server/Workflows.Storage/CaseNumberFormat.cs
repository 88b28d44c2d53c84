using System.Globalization;
using System.Text;

namespace Workflows.Storage;

/// <summary>
/// Formats case numbers from a pattern such as <c>{short-name}-{year}-{seq:6}</c>
/// (→ <c>桃山-2026-000123</c>). Placeholders: <c>{short-name}</c>, <c>{year}</c>, <c>{seq}</c> or
/// <c>{seq:N}</c> (zero-padded to N digits). The pattern is parsed once so a typo in the
/// configuration fails at start-up, not on the first application of the day.
/// </summary>
public sealed class CaseNumberFormat
{
    public const string DefaultPattern = "{short-name}-{year}-{seq:6}";

    public static CaseNumberFormat Default { get; } = new(DefaultPattern);

    private readonly List<Func<string, int, long, string>> _parts = [];

    public string Pattern { get; }

    public CaseNumberFormat(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        Pattern = pattern;
        var literal = new StringBuilder();
        var hasSequence = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != '{')
            {
                literal.Append(pattern[i]);
                continue;
            }
            var end = pattern.IndexOf('}', i);
            if (end < 0) throw new FormatException($"Case number pattern '{pattern}': '{{' at {i} is never closed.");
            FlushLiteral(literal);
            var token = pattern[(i + 1)..end];
            _parts.Add(Placeholder(pattern, token, ref hasSequence));
            i = end;
        }
        FlushLiteral(literal);
        // Without the sequence two cases of one office and year would share a number.
        if (!hasSequence) throw new FormatException($"Case number pattern '{pattern}' has no {{seq}} placeholder.");
    }

    public CaseNumber Format(string office, int year, long sequence)
    {
        var text = new StringBuilder();
        foreach (var part in _parts) text.Append(part(office, year, sequence));
        return new CaseNumber(office, year, sequence, text.ToString());
    }

    private void FlushLiteral(StringBuilder literal)
    {
        if (literal.Length == 0) return;
        var text = literal.ToString();
        _parts.Add((_, _, _) => text);
        literal.Clear();
    }

    private static Func<string, int, long, string> Placeholder(string pattern, string token, ref bool hasSequence)
    {
        switch (token)
        {
            case "short-name": return (office, _, _) => office;
            case "year": return (_, year, _) => year.ToString("D4", CultureInfo.InvariantCulture);
            case "seq":
                hasSequence = true;
                return (_, _, seq) => seq.ToString(CultureInfo.InvariantCulture);
        }
        if (token.StartsWith("seq:", StringComparison.Ordinal)
            && int.TryParse(token.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && width is > 0 and <= 18)
        {
            hasSequence = true;
            var format = "D" + width.ToString(CultureInfo.InvariantCulture);
            return (_, _, seq) => seq.ToString(format, CultureInfo.InvariantCulture);
        }
        throw new FormatException(
            $"Case number pattern '{pattern}': unknown placeholder '{{{token}}}' (use {{short-name}}, {{year}}, {{seq}} or {{seq:N}}).");
    }
}
