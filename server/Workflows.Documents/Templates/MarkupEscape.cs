namespace Workflows.Documents.Templates;

/// <summary>
/// Escapes text for the layout markup (an XML dialect, see templates/README.md): <c>&amp; &lt; &gt;</c>
/// in text and <c>" '</c> in attributes. What a template prints from data is always escaped, so a
/// form value such as <c>&lt;b&gt;</c> or <c>A&amp;B</c> prints literally and cannot add markup.
/// Control characters XML cannot hold (all below U+0020 but tab and line breaks) become spaces.
/// </summary>
public static class MarkupEscape
{
    public static string Escape(string text)
    {
        var needs = false;
        foreach (var c in text)
            if (c is '&' or '<' or '>' or '"' or '\'' || (c < ' ' && c is not ('\t' or '\n' or '\r'))) { needs = true; break; }
        if (!needs) return text;
        var result = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&apos;",
                < ' ' when c is not ('\t' or '\n' or '\r') => " ",
                _ => c.ToString(),
            });
        return result.ToString();
    }
}
