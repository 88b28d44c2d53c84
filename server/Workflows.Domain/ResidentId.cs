using System.Globalization;

namespace Workflows.Domain;

/// <summary>
/// Citizen identity number of the People's Republic of China (GB 11643):
/// 6-digit region, 8-digit birth date (yyyyMMdd), 3-digit sequence (odd = male), check character.
/// </summary>
public static class ResidentId
{
    private const int Length = 18;
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>
    /// True for 18 characters: 17 digits, a real calendar birth date, and the right check
    /// character (a digit or 'X'; a lowercase 'x' is accepted because people type it).
    /// The region code is not checked here: GB/T 2260 codes are validated against a list.
    /// </summary>
    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != Length)
        {
            return false;
        }

        var first17 = id.AsSpan(0, Length - 1);
        if (!AsciiDigits.All(first17) || ParseBirthDate(first17) is null)
        {
            return false;
        }

        return char.ToUpperInvariant(id[Length - 1]) == CheckCharacterOf(first17);
    }

    /// <summary>The check character for the first 17 digits of an ID number.</summary>
    /// <exception cref="ArgumentException">The input is not exactly 17 ASCII digits.</exception>
    public static char ComputeCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != Length - 1 || !AsciiDigits.All(first17))
        {
            throw new ArgumentException("居民身份证号码本体码必须是 17 位数字 (expected 17 ASCII digits).", nameof(first17));
        }

        return CheckCharacterOf(first17);
    }

    /// <summary>The birth date encoded in a valid ID number; null when the number is invalid.</summary>
    public static DateOnly? BirthDate(string? id) =>
        IsValid(id) ? ParseBirthDate(id.AsSpan(0, Length - 1)) : null;

    /// <summary>The gender encoded in a valid ID number (17th digit odd = male); null when invalid.</summary>
    public static Gender? GenderOf(string? id)
    {
        if (!IsValid(id))
        {
            return null;
        }

        var sequenceLastDigit = id![16] - '0';
        return sequenceLastDigit % 2 == 1 ? Gender.Male : Gender.Female;
    }

    private static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    private static DateOnly? ParseBirthDate(ReadOnlySpan<char> first17) =>
        DateOnly.TryParseExact(first17.Slice(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
