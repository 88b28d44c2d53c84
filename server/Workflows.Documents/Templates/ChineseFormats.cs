using System.Globalization;
using System.Text;
using Workflows.Domain;

namespace Workflows.Documents.Templates;

/// <summary>Dates and amounts as Chinese documents write them.</summary>
public static class ChineseFormats
{
    private const string UpperDigits = "〇一二三四五六七八九";

    /// <summary>
    /// An ISO date (<c>2026-11-16</c>) or date-time with offset, in China Standard Time:
    /// <c>chinese</c> 2026年11月16日, <c>chinese-time</c> 2026年11月16日 9时35分,
    /// <c>upper</c> 二〇二六年十一月十六日 (as in decisions and certificates). Null when unreadable.
    /// </summary>
    public static string? Date(string value, string style)
    {
        DateTime local;
        var hasTime = false;
        if (value.Length > 10 && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            local = ChinaTime.Of(instant).DateTime;
            hasTime = true;
        }
        else if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            local = date.ToDateTime(TimeOnly.MinValue);
        else return null;
        return style switch
        {
            "chinese" => $"{local.Year}年{local.Month}月{local.Day}日",
            "chinese-time" => hasTime ? $"{local.Year}年{local.Month}月{local.Day}日 {local.Hour}时{local.Minute:00}分" : $"{local.Year}年{local.Month}月{local.Day}日",
            "upper" => $"{UpperYear(local.Year)}年{UpperNumber(local.Month)}月{UpperNumber(local.Day)}日",
            "iso" => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    /// <summary>2026 → 二〇二六: digit by digit.</summary>
    public static string UpperYear(int year) => string.Concat(year.ToString(CultureInfo.InvariantCulture).Select(d => UpperDigits[d - '0']));

    /// <summary>1–31 → 一 … 十一 … 二十 … 三十一.</summary>
    public static string UpperNumber(int n) => n switch
    {
        < 10 => UpperDigits[n].ToString(),
        10 => "十",
        < 20 => "十" + UpperDigits[n % 10],
        _ => UpperDigits[n / 10] + "十" + (n % 10 == 0 ? "" : UpperDigits[n % 10].ToString()),
    };

    private const string CapitalDigits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] SmallUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] BigUnits = ["", "万", "亿", "万亿"];

    /// <summary>
    /// An amount in yuan in capital numerals, as on receipts and decisions:
    /// 100 → 人民币壹佰元整, 1005.5 → 人民币壹仟零伍元伍角, 0.05 → 人民币伍分. Null outside 0 – 10¹⁶.
    /// </summary>
    public static string? AmountUpper(decimal amount)
    {
        if (amount < 0 || amount >= 10_000_000_000_000_000m) return null;
        var fen = (long)Math.Round(amount * 100, MidpointRounding.AwayFromZero);
        var yuan = fen / 100;
        var (jiao, cents) = ((int)(fen / 10 % 10), (int)(fen % 10));
        var text = new StringBuilder("人民币");
        if (yuan > 0) text.Append(Integer(yuan)).Append('元');
        if (jiao == 0 && cents == 0) return text.Append(yuan == 0 ? "零元整" : "整").ToString();
        if (jiao > 0) text.Append(CapitalDigits[jiao]).Append('角');
        else if (yuan > 0) text.Append('零');
        if (cents > 0) text.Append(CapitalDigits[cents]).Append('分');
        return text.ToString();
    }

    private static string Integer(long n)
    {
        var groups = new List<int>();
        for (; n > 0; n /= 10000) groups.Add((int)(n % 10000));
        var text = new StringBuilder();
        var zero = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var group = groups[g];
            if (group == 0) { zero = text.Length > 0; continue; }
            if (zero || (text.Length > 0 && group < 1000)) text.Append('零');
            zero = false;
            var inner = false;
            for (var d = 3; d >= 0; d--)
            {
                var digit = group / (int)Math.Pow(10, d) % 10;
                if (digit == 0) { inner = text.Length > 0; continue; }
                if (inner && text.Length > 0 && text[^1] != '零') text.Append('零');
                inner = false;
                text.Append(CapitalDigits[digit]).Append(SmallUnits[d]);
            }
            text.Append(BigUnits[g]);
        }
        return text.ToString();
    }
}
