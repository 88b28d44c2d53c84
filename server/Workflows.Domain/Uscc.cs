namespace Workflows.Domain;

/// <summary>
/// Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from
/// <c>0-9A-Z</c> without I, O, Z, S, V; the last one is a check character.
/// </summary>
public static class Uscc
{
    private const int Length = 18;
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>
    /// True for 18 characters of the standard alphabet whose last one is the right check character.
    /// Letters must be uppercase, as the standard writes them; callers normalise user input first.
    /// </summary>
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != Length)
        {
            return false;
        }

        var first17 = code.AsSpan(0, Length - 1);
        return AllInAlphabet(first17) && code[Length - 1] == CheckCharacterOf(first17);
    }

    /// <summary>The check character for the first 17 characters of a code.</summary>
    /// <exception cref="ArgumentException">Not 17 characters of the standard alphabet.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1 || !AllInAlphabet(first17))
        {
            throw new ArgumentException(
                "统一社会信用代码前 17 位只能是数字和除 I、O、Z、S、V 以外的大写字母 (expected 17 characters of 0-9A-Z without I O Z S V).",
                nameof(first17));
        }

        return CheckCharacterOf(first17);
    }

    private static bool AllInAlphabet(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (Alphabet.IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        }

        return Alphabet[(31 - sum % 31) % 31];
    }
}
