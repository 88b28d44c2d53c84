using System.Globalization;
using System.IO.Compression;
using System.Text;
using PdfSharp.Pdf;
using Workflows.Documents.Fonts;

namespace Workflows.Documents.Pdf;

/// <summary>
/// The fonts of one document: each face used becomes a Type0 font (Identity-H) over a
/// CIDFontType2 whose CIDs are the face's glyph ids, with a ToUnicode map (so the text extracts)
/// and a subset cut by <see cref="TrueTypeSubsetter"/> from only the glyphs the document used.
/// The dictionaries are made when a face is first used (pages refer to them); widths, the map and
/// the font file are filled in by <see cref="Finish"/>, once every page is written.
/// </summary>
internal sealed class EmbeddedFonts(PdfDocument document)
{
    private readonly Dictionary<string, Font> _fonts = new(StringComparer.Ordinal);

    public sealed class Font(TrueTypeFace face, string resourceName, PdfDictionary type0)
    {
        public TrueTypeFace Face { get; } = face;
        public string ResourceName { get; } = resourceName;
        public PdfDictionary Type0 { get; } = type0;
        /// <summary>Glyph id → the text it stands for (for ToUnicode).</summary>
        public SortedDictionary<ushort, string> Glyphs { get; } = [];
    }

    public Font For(TrueTypeFace face)
    {
        if (_fonts.TryGetValue(face.Key, out var font)) return font;
        var type0 = new PdfDictionary(document);
        document.Internals.AddObject(type0);
        font = new Font(face, "/WF" + _fonts.Count.ToString(CultureInfo.InvariantCulture), type0);
        _fonts[face.Key] = font;
        return font;
    }

    /// <summary>Writes each font's dictionaries, widths, ToUnicode map and subset.</summary>
    public void Finish()
    {
        foreach (var font in _fonts.Values) Finish(font);
    }

    private void Finish(Font font)
    {
        var face = font.Face;
        var scale = 1000.0 / face.UnitsPerEm;
        var name = SubsetTag(font.Glyphs.Keys) + "+" + new string(face.FamilyName.Where(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-').ToArray());   // PDFsharp writes a space as #20
        var source = face.SubsetSource;

        var file = Stream(TrueTypeSubsetter.Subset(face, font.Glyphs.Keys), CompressionLevel.Optimal, out var length);
        file.Elements.SetInteger("/Length1", length);

        var descriptor = Add(new PdfDictionary(document));
        descriptor.Elements.SetName("/Type", "/FontDescriptor");
        descriptor.Elements.SetName("/FontName", "/" + name);
        descriptor.Elements.SetInteger("/Flags", 4);   // symbolic: glyphs are chosen by id, not by a standard encoding
        descriptor.Elements["/FontBBox"] = Numbers(source.Box.XMin * scale, source.Box.YMin * scale, source.Box.XMax * scale, source.Box.YMax * scale);
        descriptor.Elements.SetInteger("/ItalicAngle", 0);
        descriptor.Elements.SetInteger("/Ascent", (int)Math.Round(face.Ascent * 1000));
        descriptor.Elements.SetInteger("/Descent", -(int)Math.Round(face.Descent * 1000));
        descriptor.Elements.SetInteger("/CapHeight", (int)Math.Round(face.Ascent * 1000));
        descriptor.Elements.SetInteger("/StemV", 80);
        descriptor.Elements.SetReference("/FontFile2", file);

        var cid = Add(new PdfDictionary(document));
        cid.Elements.SetName("/Type", "/Font");
        cid.Elements.SetName("/Subtype", "/CIDFontType2");
        cid.Elements.SetName("/BaseFont", "/" + name);
        var system = new PdfDictionary(document);
        system.Elements.SetString("/Registry", "Adobe");
        system.Elements.SetString("/Ordering", "Identity");
        system.Elements.SetInteger("/Supplement", 0);
        cid.Elements["/CIDSystemInfo"] = system;
        cid.Elements.SetReference("/FontDescriptor", descriptor);
        cid.Elements.SetInteger("/DW", 1000);
        cid.Elements["/W"] = Widths(font, scale);
        cid.Elements.SetName("/CIDToGIDMap", "/Identity");

        var toUnicode = Stream(Encoding.ASCII.GetBytes(ToUnicode(font)), CompressionLevel.Optimal, out _);

        var type0 = font.Type0;
        type0.Elements.SetName("/Type", "/Font");
        type0.Elements.SetName("/Subtype", "/Type0");
        type0.Elements.SetName("/BaseFont", "/" + name);
        type0.Elements.SetName("/Encoding", "/Identity-H");
        var descendants = new PdfArray(document);
        descendants.Elements.Add(cid.Reference!);
        type0.Elements["/DescendantFonts"] = descendants;
        type0.Elements.SetReference("/ToUnicode", toUnicode);
    }

    /// <summary>The widths that differ from the default 1000, as runs of consecutive glyph ids: <c>[id [w w …] …]</c>.</summary>
    private PdfArray Widths(Font font, double scale)
    {
        var widths = new PdfArray(document);
        PdfArray? run = null;
        var next = -1;
        foreach (var glyph in font.Glyphs.Keys)
        {
            var width = (int)Math.Round(font.Face.GlyphAdvance(glyph) * scale);
            if (width == 1000) { run = null; continue; }
            if (run is null || glyph != next)
            {
                widths.Elements.Add(new PdfInteger(glyph));
                run = new PdfArray(document);
                widths.Elements.Add(run);
            }
            run.Elements.Add(new PdfInteger(width));
            next = glyph + 1;
        }
        return widths;
    }

    private static string ToUnicode(Font font)
    {
        var text = new StringBuilder("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """);
        var entries = font.Glyphs.ToList();
        for (var start = 0; start < entries.Count; start += 100)
        {
            var block = entries.Skip(start).Take(100).ToList();
            text.Append(block.Count).Append(" beginbfchar\n");
            foreach (var (glyph, value) in block)
            {
                text.Append('<').Append(glyph.ToString("X4", CultureInfo.InvariantCulture)).Append("> <");
                foreach (var unit in value) text.Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                text.Append(">\n");
            }
            text.Append("endbfchar\n");
        }
        text.Append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return text.ToString();
    }

    /// <summary>Six capital letters from the glyph set, as PDF subsets are named (same glyphs, same tag).</summary>
    private static string SubsetTag(IEnumerable<ushort> glyphs)
    {
        var hash = 17u;
        foreach (var g in glyphs) hash = hash * 31 + g;
        var tag = new char[6];
        for (var i = 0; i < 6; i++) { tag[i] = (char)('A' + hash % 26); hash /= 26; }
        return new string(tag);
    }

    private PdfDictionary Add(PdfDictionary dictionary)
    {
        document.Internals.AddObject(dictionary);
        return dictionary;
    }

    /// <summary>A stream object holding <paramref name="data"/> deflated (FlateDecode).</summary>
    internal PdfDictionary Stream(byte[] data, CompressionLevel level, out int length)
    {
        length = data.Length;
        var stream = Add(new PdfDictionary(document));
        stream.Elements.SetName("/Filter", "/FlateDecode");
        stream.CreateStream(Deflate(data, level));
        return stream;
    }

    internal static byte[] Deflate(byte[] data, CompressionLevel level)
    {
        using var output = new MemoryStream(data.Length / 2 + 64);
        using (var zlib = new ZLibStream(output, level, leaveOpen: true)) zlib.Write(data);
        return output.ToArray();
    }

    private PdfArray Numbers(params double[] values)
    {
        var array = new PdfArray(document);
        foreach (var v in values) array.Elements.Add(new PdfInteger((int)Math.Round(v)));
        return array;
    }
}
