namespace Workflows.Documents.Rendering;

/// <summary>
/// A document that cannot be rendered, with a stable code and, when known, its place in the
/// template (<c>templates/notices/acceptance.sbn:12:5</c>). Codes: WF5001 the template does not
/// parse, WF5002 rendering the template failed (unknown field, bad helper argument), WF5003 the
/// markup it produced is invalid, WF5004 unknown template, WF5005 bad data, WF5006 no usable font,
/// WF5007 the template reached a limit (loop iterations, recursion, string or output length).
/// </summary>
public sealed class DocumentException(string code, string message, string? file = null, int line = 0, int column = 0) : Exception(message)
{
    public const string TemplateSyntax = "WF5001";
    public const string TemplateRender = "WF5002";
    public const string Markup = "WF5003";
    public const string UnknownTemplate = "WF5004";
    public const string BadData = "WF5005";
    public const string NoFont = "WF5006";
    public const string TemplateLimit = "WF5007";

    public string Code { get; } = code;
    public string? File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;

    /// <summary><c>file:line:col: error CODE: message</c>, as the validator prints diagnostics.</summary>
    public override string ToString() =>
        File is null ? $"error {Code}: {Message}" : $"{File}:{Line}:{Column}: error {Code}: {Message}";
}
