using System.Text;

namespace Workflows.Definitions.Mapping;

public static class Naming
{
    /// <summary><c>PromisedLimit</c> → <c>promised-limit</c>; the key and enum value spelling of the files.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) text.Append('-');
                text.Append(char.ToLowerInvariant(c));
            }
            else text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>Levenshtein distance, for "did you mean" hints on misspelt keys and values.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var best = candidates.Select(c => (c, d: Distance(word, c))).OrderBy(x => x.d).FirstOrDefault();
        return best.c is not null && best.d <= Math.Max(2, word.Length / 3) ? best.c : null;
    }

    public static string DidYouMean(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates) is { } hint ? $"，是否应为 '{hint}'? (did you mean '{hint}'?)" : "";
}
