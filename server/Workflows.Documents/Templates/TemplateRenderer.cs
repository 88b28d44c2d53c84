using System.Collections.Concurrent;
using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json.Nodes;
using HandlebarsDotNet;

namespace Workflows.Documents.Templates;

/// <summary>
/// Renders a Handlebars template with JSON data into its layout markup. Compiled templates are
/// cached by their text. In strict mode (previews, checks, and the server, which puts every
/// documented field in the data, null where absent) an unknown name is an error, not an empty string.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly IHandlebars _handlebars;
    private readonly ConcurrentDictionary<string, HandlebarsTemplate<object, object>> _compiled = new(StringComparer.Ordinal);

    public TemplateRenderer(bool strict = true)
    {
        _handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = strict });
        Register(_handlebars);
    }

    /// <summary>The helper names, for the template checker (they are not data fields).</summary>
    public static readonly IReadOnlySet<string> Helpers = new HashSet<string>(StringComparer.Ordinal)
        { "formatDate", "amountUpper", "workdays", "inc", "materialTable", "qr" };

    public string Render(string templateText, JsonObject data) => Compile(templateText)(ToPlain(data)!);

    /// <summary>Compiles (or takes from the cache).</summary>
    /// <exception cref="HandlebarsException">The template does not compile.</exception>
    public HandlebarsTemplate<object, object> Compile(string templateText)
    {
        if (_compiled.TryGetValue(templateText, out var hit)) return hit;
        var compiled = _handlebars.Compile(templateText);
        if (_compiled.Count > 256) _compiled.Clear();
        _compiled[templateText] = compiled;
        return compiled;
    }

    private static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("formatDate", (HandlebarsReturnHelper)((_, args) =>
        {
            var value = Arg(args, 0);
            if (value.Length == 0) return "";
            var style = args.Length > 1 ? Arg(args, 1) : "chinese";
            return ChineseFormats.Date(value, style) ?? throw new HandlebarsRuntimeException($"formatDate: 无法读取日期 '{value}' 或格式 '{style}'（chinese、chinese-time、upper、iso）");
        }));
        handlebars.RegisterHelper("amountUpper", (HandlebarsReturnHelper)((_, args) =>
        {
            var value = Arg(args, 0);
            if (value.Length == 0) return "";
            return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && ChineseFormats.AmountUpper(amount) is { } text
                ? text : throw new HandlebarsRuntimeException($"amountUpper: 不是有效金额 '{value}'");
        }));
        handlebars.RegisterHelper("workdays", (HandlebarsReturnHelper)((_, args) => Arg(args, 0).Length == 0 ? "" : $"{Arg(args, 0)}个工作日"));
        handlebars.RegisterHelper("inc", (HandlebarsReturnHelper)((_, args) =>
            long.TryParse(Arg(args, 0), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(CultureInfo.InvariantCulture) : ""));
        handlebars.RegisterHelper("materialTable", (writer, _, args) => writer.WriteSafeString(MaterialTable(args.Length > 0 ? args[0] : null, args.Length > 1 ? Arg(args, 1) : "")));
        handlebars.RegisterHelper("qr", (writer, _, args) =>
        {
            var value = Arg(args, 0);
            if (value.Length == 0) return;
            var size = args.Length > 1 ? Arg(args, 1) : "25mm";
            writer.WriteSafeString($"<qr value=\"{Escape(value)}\" size=\"{Escape(size)}\"/>");
        });
    }

    /// <summary>
    /// <c>{{materialTable materials}}</c>: a table of materials (序号, 材料名称, 原件/复印件, 份数, 形式),
    /// with a 标准要求 column when the materials have a <c>standard</c>, a 提交期限 column when they have a <c>deadline</c>.
    /// The header row repeats on every page.
    /// </summary>
    private static string MaterialTable(object? list, string options)
    {
        if (list is not IEnumerable<object?> items) return "";
        var rows = items.OfType<IDictionary<string, object?>>().ToList();
        string Field(IDictionary<string, object?> m, string key) => m.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "";
        var withStandard = rows.Any(m => Field(m, "standard").Length > 0) && !options.Contains("no-standard");
        var withDeadline = rows.Any(m => Field(m, "deadline").Length > 0);
        // Widths in mm over the 156mm text block of GB/T 9704: the name (and the standard) take what is left.
        // 原件和复印件 (six characters) and 纸质和电子 (five) fit their cells on one line at 12pt.
        var columns = new List<(string Header, double Width)> { ("序号", 11), ("材料名称", 0), ("原件/复印件", 30), ("份数", 11), ("形式", 25) };
        if (withStandard) columns.Add(("标准要求", 0));
        if (withDeadline) columns.Add(("提交期限", 30));
        var rest = 156 - columns.Sum(c => c.Width);
        var flexible = columns.Count(c => c.Width == 0);
        columns = columns.Select(c => c.Width == 0 ? (c.Header, withStandard ? (c.Header == "材料名称" ? Math.Min(44, rest / 2) : rest - Math.Min(44, rest / 2)) : rest / flexible) : c).ToList();
        var widths = columns.Select(c => c.Width.ToString("0.#", CultureInfo.InvariantCulture) + "mm").ToList();
        var header = columns.Select(c => c.Header).ToList();
        var text = new StringBuilder();
        text.Append($"<table widths=\"{string.Join(' ', widths)}\" header-rows=\"1\" font-size=\"12pt\">");
        text.Append("<row>").Append(string.Concat(header.Select(h => $"<cell>{h}</cell>"))).Append("</row>");
        for (var i = 0; i < rows.Count; i++)
        {
            var m = rows[i];
            text.Append("<row>");
            text.Append($"<cell>{i + 1}</cell><cell>{Escape(Field(m, "name"))}</cell><cell>{Escape(Field(m, "kind"))}</cell>");
            text.Append($"<cell>{Escape(Field(m, "copies"))}</cell><cell>{Escape(Field(m, "form"))}</cell>");
            if (withStandard) text.Append($"<cell>{Escape(Field(m, "standard"))}</cell>");
            if (withDeadline) text.Append($"<cell>{Escape(ChineseFormats.Date(Field(m, "deadline"), "chinese") ?? Field(m, "deadline"))}</cell>");
            text.Append("</row>");
        }
        return text.Append("</table>").ToString();
    }

    private static string Escape(string text) => SecurityElement.Escape(text);

    private static string Arg(Arguments args, int i) =>
        args.Length > i && args[i] is not (null or UndefinedBindingResult) ? Convert.ToString(args[i], CultureInfo.InvariantCulture) ?? "" : "";

    /// <summary>Dictionaries, lists and primitives: what Handlebars.Net binds to.</summary>
    internal static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v => v.ToString(),
        _ => node.ToJsonString(),
    };
}
