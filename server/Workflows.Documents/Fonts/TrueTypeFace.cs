using System.Buffers.Binary;

namespace Workflows.Documents.Fonts;

/// <summary>
/// One TrueType face, parsed just enough to lay text out: which characters it has (cmap),
/// their advance widths (hmtx), the vertical metrics (hhea). <see cref="Data"/> is a standalone
/// .ttf (a face taken out of a .ttc is rebuilt as one), which is what a PDF backend embeds.
/// </summary>
public sealed class TrueTypeFace
{
    private readonly ushort[] _bmp;                     // BMP code point → glyph id (0 = none)
    private readonly Dictionary<int, ushort> _astral;   // beyond the BMP
    private readonly ushort[] _advances;                // glyph id → advance in font units

    internal TrueTypeFace(string key, string familyName, string path, byte[] data, int unitsPerEm, int ascender, int descender,
        ushort[] bmp, Dictionary<int, ushort> astral, ushort[] advances)
    {
        Key = key;
        FamilyName = familyName;
        SourcePath = path;
        Data = data;
        UnitsPerEm = unitsPerEm;
        Ascent = ascender / (double)unitsPerEm;
        Descent = -descender / (double)unitsPerEm;
        _bmp = bmp;
        _astral = astral;
        _advances = advances;
    }

    /// <summary>A name unique among the loaded faces (file name plus face index), used by backends to find the bytes.</summary>
    public string Key { get; }

    /// <summary>The family name from the font's name table (English if present).</summary>
    public string FamilyName { get; }

    public string SourcePath { get; }

    /// <summary>A standalone TrueType file of this face.</summary>
    public byte[] Data { get; }

    public int UnitsPerEm { get; }

    /// <summary>Ascent above the baseline, as a fraction of the em.</summary>
    public double Ascent { get; }

    /// <summary>Descent below the baseline (positive), as a fraction of the em.</summary>
    public double Descent { get; }

    public bool Has(int codePoint) => Glyph(codePoint) != 0;

    /// <summary>The advance width of a character as a fraction of the em (0 when the face lacks it).</summary>
    public double Advance(int codePoint)
    {
        var glyph = Glyph(codePoint);
        if (glyph == 0) return 0;
        var index = Math.Min(glyph, _advances.Length - 1);
        return _advances[index] / (double)UnitsPerEm;
    }

    /// <summary>The glyph id of a character (0 when the face lacks it): what a PDF backend writes with Identity-H.</summary>
    public ushort Glyph(int codePoint) =>
        codePoint < 0x10000 ? _bmp[codePoint] : _astral.GetValueOrDefault(codePoint);

    /// <summary>The advance width of a glyph in font units.</summary>
    public int GlyphAdvance(ushort glyph) => _advances[Math.Min((int)glyph, _advances.Length - 1)];

    /// <summary>The tables a subset is cut from, read once.</summary>
    public TrueTypeSubsetter.Source SubsetSource => _subsetSource ??= TrueTypeSubsetter.Source.Of(Data);
    private TrueTypeSubsetter.Source? _subsetSource;

    internal static ushort ReadU16(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt16BigEndian(s[at..]);
    internal static short ReadI16(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadInt16BigEndian(s[at..]);
    internal static uint ReadU32(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt32BigEndian(s[at..]);
}
