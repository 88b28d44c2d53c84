using System.Globalization;
using System.Text.RegularExpressions;

namespace Workflows.Scripting.Guards;

/// <summary>
/// A replacement string split once into literal text and the $$, $&amp;, $`, $' and $n patterns of
/// ES5 15.5.4.11, so that the substituted length of each match is cheap to compute.
/// </summary>
internal sealed class Substitution
{
    private readonly int _literalLength;
    private readonly List<string> _patterns = [];

    public Substitution(string replacement)
    {
        for (var i = 0; i < replacement.Length; i++)
        {
            if (replacement[i] == '$' && i + 1 < replacement.Length && replacement[i + 1] is '$' or '&' or '`' or '\'' or (>= '0' and <= '9'))
            {
                var length = replacement[i + 1] is >= '0' and <= '9' && i + 2 < replacement.Length && char.IsAsciiDigit(replacement[i + 2]) ? 3 : 2;
                _patterns.Add(replacement.Substring(i, length));
                i += length - 1;
            }
            else
            {
                _literalLength++;
            }
        }
    }

    public long LengthFor(Occurrence occurrence, string text)
    {
        long length = _literalLength;
        foreach (var pattern in _patterns)
        {
            length += pattern[1] switch
            {
                '$' => 1,
                '&' => occurrence.Length,
                '`' => occurrence.Index,
                '\'' => text.Length - (occurrence.Index + occurrence.Length),
                _ => GroupLength(pattern, occurrence.Match),
            };
        }

        return length;
    }

    /// <summary>$nn when group nn exists, else $n followed by a digit; an unknown group stays literal text.</summary>
    private static long GroupLength(string pattern, Match? match)
    {
        var groups = match is null ? 0 : match.Groups.Count - 1;
        var number = int.Parse(pattern.AsSpan(1), CultureInfo.InvariantCulture);
        if (number >= 1 && number <= groups)
        {
            return match!.Groups[number].Length;
        }

        var single = pattern[1] - '0';
        if (pattern.Length == 3 && single >= 1 && single <= groups)
        {
            return match!.Groups[single].Length + 1;
        }

        return pattern.Length;
    }
}
