namespace Workflows.Documents.Layout;

/// <summary>
/// Chinese line-breaking rules (避头尾): closing punctuation never starts a line, opening
/// punctuation never ends one; CJK text breaks between any two characters, Latin words and
/// numbers only at spaces (or, when longer than a line, anywhere).
/// </summary>
public static class Kinsoku
{
    /// <summary>Never at the start of a line.</summary>
    public const string NoLineStart = "，。、；：？！）」》』】〕〗〉”’…—·％%,.;:?!)]}>‥ー～";

    /// <summary>Never at the end of a line.</summary>
    public const string NoLineEnd = "（「《『【〔〖〈“‘([{<";

    public static bool CannotStartLine(int c) => c < 0x10000 && NoLineStart.Contains((char)c);

    public static bool CannotEndLine(int c) => c < 0x10000 && NoLineEnd.Contains((char)c);

    /// <summary>Ideographs, kana, CJK and full-width punctuation: a line may break before or after each.</summary>
    public static bool IsWide(int c) =>
        c is >= 0x2E80 and <= 0x9FFF or >= 0xAC00 and <= 0xD7AF or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFF
            or 0x2014 or 0x2026 or 0x201C or 0x201D or 0x2018 or 0x2019 or 0x00B7;

    public static bool IsSpace(int c) => c == ' ';

    /// <summary>May a line break between <paramref name="before"/> and <paramref name="after"/>?</summary>
    public static bool CanBreakBetween(int before, int after)
    {
        if (CannotStartLine(after) || CannotEndLine(before)) return false;
        if (IsSpace(before)) return true;
        if (IsSpace(after)) return false;
        return IsWide(before) || IsWide(after);
    }
}
