namespace Workflows.Domain;

/// <summary>
/// ISO/IEC 7064 hybrid system MOD 37,36 (GB/T 17710) over the alphabet <c>0-9A-Z</c>:
/// one check character that catches every single substitution and adjacent transposition.
/// </summary>
internal static class Iso7064Mod37And36
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int Modulus = 36;

    public static bool IsInAlphabet(char c) => Alphabet.IndexOf(c) >= 0;

    public static char CheckCharacter(ReadOnlySpan<char> text)
    {
        var product = Modulus;
        foreach (var c in text)
        {
            var value = Alphabet.IndexOf(c);
            if (value < 0)
            {
                throw new ArgumentException($"字符 '{c}' 不在 0-9A-Z 中 (character outside 0-9A-Z).", nameof(text));
            }

            var sum = (product + value) % Modulus;
            if (sum == 0)
            {
                sum = Modulus;
            }

            product = sum * 2 % (Modulus + 1);
        }

        // The check character brings the running sum to 1 (mod 36), which is what a verifier expects.
        return Alphabet[(Modulus + 1 - product) % Modulus];
    }
}
