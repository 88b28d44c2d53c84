using System.Globalization;
using System.Text.Json.Nodes;
using HandlebarsDotNet;

namespace Workflows.Documents.Templates;

/// <summary>
/// Renders a Handlebars template (<c>templates/&lt;id&gt;.hbs</c>) with JSON data into its layout
/// markup text. The helpers are the ones the sample templates use; the PDF layout itself is the
/// document renderer's job.
/// </summary>
public sealed class TemplateRenderer
{
    private readonly IHandlebars _handlebars = Handlebars.Create();

    public TemplateRenderer()
    {
        _handlebars.RegisterHelper("formatDate", (HandlebarsReturnHelper)((_, args) => FormatDate(Arg(args, 0), Arg(args, 1))));
        _handlebars.RegisterHelper("workdays", (HandlebarsReturnHelper)((_, args) => $"{Arg(args, 0)}个工作日"));
        _handlebars.RegisterHelper("inc", (HandlebarsReturnHelper)((_, args) =>
            long.TryParse(Arg(args, 0), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? (n + 1).ToString(CultureInfo.InvariantCulture) : ""));
        _handlebars.RegisterHelper("amountUpper", (HandlebarsReturnHelper)((_, args) => Arg(args, 0)));
    }

    public string Render(string templateText, JsonObject data) => _handlebars.Compile(templateText)(ToPlain(data));

    private static string Arg(Arguments args, int i) => args.Length > i ? Convert.ToString(args[i], CultureInfo.InvariantCulture) ?? "" : "";

    private static string FormatDate(string value, string style)
    {
        if (!DateOnly.TryParse(value.Length >= 10 ? value[..10] : value, CultureInfo.InvariantCulture, out var date)) return value;
        return style == "chinese" ? $"{date.Year}年{date.Month}月{date.Day}日" : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>Dictionaries, lists and primitives: what Handlebars.Net binds to.</summary>
    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value)),
        JsonArray a => a.Select(ToPlain).ToList(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v => v.ToString(),
        _ => node.ToJsonString(),
    };
}
