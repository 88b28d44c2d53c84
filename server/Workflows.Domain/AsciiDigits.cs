namespace Workflows.Domain;

/// <summary>
/// ASCII-only digit test: <see cref="char.IsDigit(char)"/> also accepts full-width and other
/// Unicode digits, which would make the weighted sums below meaningless.
/// </summary>
internal static class AsciiDigits
{
    public static bool All(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
