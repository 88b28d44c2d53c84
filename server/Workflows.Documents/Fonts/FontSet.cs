using System.Collections.Concurrent;
using System.Text;

namespace Workflows.Documents.Fonts;

/// <summary>
/// The fallback chain: text is set in the first face, and each character the first face lacks
/// in the next face that has it. A character no face has is reported (never a silent blank).
/// </summary>
public sealed class FontSet
{
    private static readonly ConcurrentDictionary<string, TrueTypeFace> Loaded = new(StringComparer.Ordinal);

    public FontSet(IReadOnlyList<TrueTypeFace> faces, IReadOnlyList<string>? problems = null)
    {
        if (faces.Count == 0) throw new FontFormatException("没有可用的字体 (no usable font): " + string.Join("; ", problems ?? []));
        Faces = faces;
        Problems = problems ?? [];
    }

    /// <summary>In fallback order; the first is the body face.</summary>
    public IReadOnlyList<TrueTypeFace> Faces { get; }

    /// <summary>Configured fonts that could not be used (unreadable, CFF...).</summary>
    public IReadOnlyList<string> Problems { get; }

    public TrueTypeFace Primary => Faces[0];

    /// <summary>The face that draws this character, or null when no face has it.</summary>
    public TrueTypeFace? FaceFor(int codePoint)
    {
        foreach (var face in Faces)
            if (face.Has(codePoint)) return face;
        return null;
    }

    public TrueTypeFace? Find(string key) => Faces.FirstOrDefault(f => f.Key == key);

    /// <summary>
    /// Loads the given fonts (each a path, optionally <c>PATH#INDEX</c> for a face of a .ttc),
    /// once per process. Unusable entries are kept in <see cref="Problems"/>.
    /// </summary>
    public static FontSet Load(IEnumerable<string> specs)
    {
        var faces = new List<TrueTypeFace>();
        var problems = new List<string>();
        foreach (var spec in specs)
        {
            var (path, index) = Split(spec);
            if (!File.Exists(path)) { problems.Add($"{path}: 字体文件不存在 (font file not found)"); continue; }
            try
            {
                var face = Loaded.GetOrAdd($"{Path.GetFullPath(path)}#{index}", _ => TrueTypeReader.Load(path, index));
                if (faces.All(f => f.Key != face.Key)) faces.Add(face);
            }
            catch (FontFormatException e) { problems.Add(e.Message); }
        }
        return new FontSet(faces, problems);
    }

    /// <summary>
    /// The configured fonts (the server's <c>WORKFLOWS_FONTS</c>, read by its options binder: paths
    /// separated by the path separator), else the first that exist of the known Debian and Windows
    /// fonts: a Song face first, a Hei face as fallback.
    /// </summary>
    public static FontSet Discover(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Load(configured.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var found = KnownFonts.Where(spec => File.Exists(Split(spec).Path)).ToList();
        if (found.Count == 0)
            throw new FontFormatException("未找到中文字体：请安装 fonts-arphic-gbsn00lp 和 fonts-wqy-zenhei，或用 WORKFLOWS_FONTS 指定字体路径 (no CJK font found)");
        return Load(found);
    }

    /// <summary>Song (宋体) faces first, then Hei (黑体) with wider coverage, Debian then Windows.</summary>
    public static readonly IReadOnlyList<string> KnownFonts =
    [
        "/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
        "/usr/share/fonts/truetype/arphic/uming.ttc",
        @"C:\Windows\Fonts\simfang.ttf",
        @"C:\Windows\Fonts\simsun.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
        "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        @"C:\Windows\Fonts\simhei.ttf",
        @"C:\Windows\Fonts\msyh.ttc",
    ];

    private static (string Path, int Index) Split(string spec)
    {
        var hash = spec.LastIndexOf('#');
        return hash > 0 && int.TryParse(spec[(hash + 1)..], out var index) ? (spec[..hash], index) : (spec, 0);
    }

    /// <summary>Lists characters as they will be reported: each once, with its code point.</summary>
    public static string Describe(IEnumerable<int> codePoints)
    {
        var text = new StringBuilder();
        foreach (var c in codePoints.Distinct().Order())
        {
            if (text.Length > 0) text.Append('、');
            text.Append(char.ConvertFromUtf32(c)).Append($" (U+{c:X4})");
        }
        return text.ToString();
    }
}
