using System.Collections.Concurrent;
using Workflows.Documents.Fonts;
using Workflows.Documents.Pdf;
using Workflows.Documents.Rendering;

namespace Workflows.Server.Documents;

/// <summary>
/// The document renderer of one templates folder (and the definitions folder beside it, for
/// seals), shared process-wide: fonts are discovered once (<c>WORKFLOWS_FONTS</c> or the known
/// Debian and Windows paths), compiled templates and images are cached.
/// </summary>
public static class DocumentService
{
    private static readonly ConcurrentDictionary<string, DocumentRenderer> Renderers = new(StringComparer.Ordinal);
    private static string? _configuredFonts;
    private static readonly Lazy<FontSet> SharedFonts = new(() => FontSet.Discover(_configuredFonts));

    /// <summary>The font chain from the options (<c>WORKFLOWS_FONTS</c>); takes effect if set before the first render, which is when fonts are discovered.</summary>
    public static void UseFonts(string? configured) => _configuredFonts = configured;

    /// <exception cref="DocumentException">WF5006 when no usable font is installed.</exception>
    public static DocumentRenderer For(string templatesRoot, string? definitionsRoot = null)
    {
        var root = Path.GetFullPath(templatesRoot);
        var definitions = Path.GetFullPath(definitionsRoot ?? Path.Combine(Path.GetDirectoryName(root)!, "definitions"));
        return Renderers.GetOrAdd(root + "|" + definitions, _ => new DocumentRenderer(new TemplateStore(root, definitions), Fonts(), new PdfSharpWriter()));
    }

    public static FontSet Fonts()
    {
        try
        {
            return SharedFonts.Value;
        }
        catch (FontFormatException e)
        {
            throw new DocumentException(DocumentException.NoFont, e.Message);
        }
    }
}
