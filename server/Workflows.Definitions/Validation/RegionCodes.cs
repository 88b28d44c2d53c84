namespace Workflows.Definitions.Validation;

/// <summary>
/// GB/T 2260 region codes. We check the format and the province part against the list of
/// provincial-level divisions; the full county list changes yearly and is not shipped here, so a
/// wrong prefecture or county part of a well-formed code is not caught.
/// </summary>
public static class RegionCodes
{
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    public static bool IsPlausible(string? code) =>
        code is { Length: 6 } && code.All(char.IsAsciiDigit) && Provinces.Contains(code[..2]);
}
