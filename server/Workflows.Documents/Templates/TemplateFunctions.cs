using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Workflows.Documents.Templates;

/// <summary>
/// The functions templates may call besides Scriban's <c>string</c>, <c>array</c> and <c>math</c>
/// (documented in templates/README.md). Names as in the former Handlebars helpers. A bad argument is
/// an error at the call (WF5002), never a blank: a notice must not go out with a hole in it.
/// </summary>
public static class TemplateFunctions
{
    /// <summary>The names templates call, for the checker and the editor's completion.</summary>
    public static readonly IReadOnlyList<string> Names = ["formatDate", "amountUpper", "workdays", "materialTable", "qr"];

    /// <summary>Scriban's modules templates may use; date, html, object (eval), regex, timespan and include are left out.</summary>
    public static readonly IReadOnlyList<string> Modules = ["string", "array", "math", "empty", "blank"];

    /// <summary>The built-in names of every template context: the allowed modules and these functions. Read-only, shared.</summary>
    internal static ScriptObject Builtins()
    {
        var defaults = TemplateContext.GetDefaultBuiltinObject();
        var builtins = new ScriptObject();
        foreach (var name in Modules) builtins.Add(name, defaults[name]);
        builtins.Import(typeof(TemplateFunctions), ScriptMemberImportFlags.Method,
            member => member is MethodInfo { IsStatic: true } m && Names.Contains(Camel(m.Name)), member => Camel(member.Name));
        builtins.IsReadOnly = true;
        return builtins;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>
    /// <c>{{ formatDate this.case.receivedAt 'chinese' }}</c>: an ISO date or date-time as
    /// <c>chinese</c> 2026年11月16日 (the default), <c>chinese-time</c> 2026年11月16日 9时35分,
    /// <c>upper</c> 二〇二六年十一月十六日, <c>iso</c> 2026-11-16. Empty for no value.
    /// </summary>
    public static string FormatDate(TemplateContext context, SourceSpan span, object? value, string style = "chinese")
    {
        var text = Text(context, value);
        if (text.Length == 0) return "";
        return ChineseFormats.Date(text, style)
            ?? throw new ScriptRuntimeException(span, $"formatDate: 无法读取日期 '{text}' 或格式 '{style}'（chinese、chinese-time、upper、iso）");
    }

    /// <summary><c>{{ amountUpper fee.amount }}</c>: 1005.5 → 人民币壹仟零伍元伍角. Empty for no value.</summary>
    public static string AmountUpper(TemplateContext context, SourceSpan span, object? value)
    {
        var text = Text(context, value);
        if (text.Length == 0) return "";
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && ChineseFormats.AmountUpper(amount) is { } upper
            ? upper : throw new ScriptRuntimeException(span, $"amountUpper: 不是有效金额 '{text}'");
    }

    /// <summary><c>{{ workdays item.statutoryLimit }}</c>: 20 → 20个工作日. Empty for no value.</summary>
    public static string Workdays(TemplateContext context, object? value)
    {
        var text = Text(context, value);
        return text.Length == 0 ? "" : $"{text}个工作日";
    }

    /// <summary>
    /// <c>{{ qr verifyUrl '25mm' }}</c>: writes a <c>&lt;qr&gt;</c> element for the value (nothing for no value).
    /// </summary>
    public static void Qr(TemplateContext context, object? value, string size = "25mm")
    {
        var text = Text(context, value);
        if (text.Length > 0) context.Write($"<qr value=\"{MarkupEscape.Escape(text)}\" size=\"{MarkupEscape.Escape(size)}\"/>");
    }

    /// <summary>
    /// <c>{{ materialTable materials }}</c>: writes a table of materials (序号, 材料名称, 原件/复印件, 份数, 形式),
    /// with a 标准要求 column when the materials have a <c>standard</c> (unless the options say
    /// <c>no-standard</c>), a 提交期限 column when they have a <c>deadline</c>. The header row repeats on every page.
    /// </summary>
    public static void MaterialTable(TemplateContext context, object? materials, string options = "")
    {
        if (materials is not IEnumerable items || materials is string) return;
        var rows = items.OfType<ScriptObject>().ToList();
        string Field(ScriptObject m, string key) => m.TryGetValue(key, out var v) && v is not null ? Text(context, v) : "";
        var withStandard = rows.Any(m => Field(m, "standard").Length > 0) && !options.Contains("no-standard", StringComparison.Ordinal);
        var withDeadline = rows.Any(m => Field(m, "deadline").Length > 0);
        // Widths in mm over the 156mm text block of GB/T 9704: the name (and the standard) take what is left.
        // 原件和复印件 (six characters) and 纸质和电子 (five) fit their cells on one line at 12pt.
        var columns = new List<(string Header, double Width)> { ("序号", 11), ("材料名称", 0), ("原件/复印件", 30), ("份数", 11), ("形式", 25) };
        if (withStandard) columns.Add(("标准要求", 0));
        if (withDeadline) columns.Add(("提交期限", 30));
        var rest = 156 - columns.Sum(c => c.Width);
        var flexible = columns.Count(c => c.Width == 0);
        columns = columns.Select(c => c.Width == 0 ? (c.Header, withStandard ? (c.Header == "材料名称" ? Math.Min(44, rest / 2) : rest - Math.Min(44, rest / 2)) : rest / flexible) : c).ToList();
        var widths = columns.Select(c => c.Width.ToString("0.#", CultureInfo.InvariantCulture) + "mm");
        var text = new StringBuilder();
        text.Append($"<table widths=\"{string.Join(' ', widths)}\" header-rows=\"1\" font-size=\"12pt\">");
        text.Append("<row>").Append(string.Concat(columns.Select(c => $"<cell>{c.Header}</cell>"))).Append("</row>");
        for (var i = 0; i < rows.Count; i++)
        {
            var m = rows[i];
            string Cell(string value) => $"<cell>{MarkupEscape.Escape(value)}</cell>";
            text.Append("<row>").Append($"<cell>{i + 1}</cell>");
            text.Append(Cell(Field(m, "name"))).Append(Cell(Field(m, "kind"))).Append(Cell(Field(m, "copies"))).Append(Cell(Field(m, "form")));
            if (withStandard) text.Append(Cell(Field(m, "standard")));
            if (withDeadline) text.Append(Cell(ChineseFormats.Date(Field(m, "deadline"), "chinese") ?? Field(m, "deadline")));
            text.Append("</row>");
        }
        context.Write(text.Append("</table>").ToString());
    }

    private static string Text(TemplateContext context, object? value) => value switch
    {
        null => "",
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => context.ObjectToString(value),
    };
}
