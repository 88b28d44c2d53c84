using System.Globalization;

namespace Workflows.Domain;

/// <summary>
/// E-certificate identifier (电子证照标识, GB/T 36904):
/// <c>1.2.156.3005.2.{type code}.{issuer USCC}.{serial}.{version 3 digits}.{check}</c>,
/// where the check character is ISO/IEC 7064 MOD 37,36 over the four middle parts joined.
/// </summary>
public static class ECertificateIdentifier
{
    /// <summary>The OID arc every e-certificate identifier starts with.</summary>
    public const string Prefix = "1.2.156.3005.2.";

    private const int MaxVersion = 999;

    /// <summary>Builds a complete identifier with its check character.</summary>
    /// <exception cref="ArgumentException">A part is empty or outside <c>0-9A-Z</c>, or the USCC is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The version is not 0–999.</exception>
    public static string Build(string typeCode, string issuerUscc, string serial, int version)
    {
        RequireCodePart(typeCode, nameof(typeCode));
        RequireCodePart(serial, nameof(serial));
        if (!Uscc.IsValid(issuerUscc))
        {
            throw new ArgumentException($"发证机构统一社会信用代码无效 (invalid issuer USCC): {issuerUscc}", nameof(issuerUscc));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, MaxVersion);

        var versionText = version.ToString("000", CultureInfo.InvariantCulture);
        var check = ComputeCheckCharacter(typeCode + issuerUscc + serial + versionText);
        return $"{Prefix}{typeCode}.{issuerUscc}.{serial}.{versionText}.{check}";
    }

    /// <summary>
    /// True when the identifier has the prefix, five dot-separated parts (type code, a valid
    /// issuer USCC, serial, a 3-digit version, one check character) and the check character matches.
    /// </summary>
    public static bool IsValid(string? identifier)
    {
        if (identifier is null || !identifier.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = identifier[Prefix.Length..].Split('.');
        if (parts.Length != 5)
        {
            return false;
        }

        var (typeCode, issuerUscc, serial, version, check) = (parts[0], parts[1], parts[2], parts[3], parts[4]);
        return IsCodePart(typeCode)
            && IsCodePart(serial)
            && Uscc.IsValid(issuerUscc)
            && version.Length == 3 && AsciiDigits.All(version)
            && check.Length == 1
            && check[0] == Iso7064Mod37And36.CheckCharacter(typeCode + issuerUscc + serial + version);
    }

    /// <summary>The MOD 37,36 check character over the middle parts already joined without dots.</summary>
    /// <exception cref="ArgumentException">Empty, or a character outside <c>0-9A-Z</c>.</exception>
    public static char ComputeCheckCharacter(string joinedMiddleParts)
    {
        RequireCodePart(joinedMiddleParts, nameof(joinedMiddleParts));
        return Iso7064Mod37And36.CheckCharacter(joinedMiddleParts);
    }

    private static bool IsCodePart(string part) => part.Length > 0 && part.All(Iso7064Mod37And36.IsInAlphabet);

    private static void RequireCodePart(string part, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(part, parameterName);
        if (!IsCodePart(part))
        {
            throw new ArgumentException($"只能包含数字和大写字母，且不能为空 (expected non-empty 0-9A-Z): '{part}'", parameterName);
        }
    }
}
