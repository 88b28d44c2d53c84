using System.Buffers.Binary;
using System.Text;
using static Workflows.Documents.Fonts.TrueTypeFace;

namespace Workflows.Documents.Fonts;

/// <summary>A font file that cannot be used: unreadable, not TrueType outlines (CFF), or a missing face.</summary>
public sealed class FontFormatException(string message) : Exception(message);

/// <summary>
/// Reads .ttf files and faces of .ttc collections. Only TrueType outlines (<c>glyf</c>) are
/// accepted, as the PDF backend embeds subsets of those; a CFF-based OpenType font is refused
/// with a clear message.
/// </summary>
public static class TrueTypeReader
{
    private const uint TtcTag = 0x74746366;   // 'ttcf'
    private const uint OttoTag = 0x4F54544F;  // 'OTTO'

    /// <summary>How many faces the file holds (1 for a .ttf).</summary>
    public static int FaceCount(byte[] file) =>
        file.Length >= 12 && ReadU32(file, 0) == TtcTag ? (int)ReadU32(file, 8) : 1;

    public static TrueTypeFace Load(string path, int faceIndex = 0)
    {
        byte[] file;
        try { file = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FontFormatException($"{path}: 无法读取字体文件 (cannot read the font file): {e.Message}");
        }
        return Parse(file, path, faceIndex);
    }

    public static TrueTypeFace Parse(byte[] file, string path, int faceIndex = 0)
    {
        try
        {
            var directory = 0;
            if (ReadU32(file, 0) == TtcTag)
            {
                var count = (int)ReadU32(file, 8);
                if (faceIndex < 0 || faceIndex >= count)
                    throw new FontFormatException($"{path}: 字体集合只有 {count} 个字形 (the collection has {count} faces, not index {faceIndex})");
                directory = (int)ReadU32(file, 12 + 4 * faceIndex);
            }
            if (ReadU32(file, directory) == OttoTag)
                throw new FontFormatException($"{path}: CFF 轮廓的 OpenType 字体不受支持，请使用 TrueType 字体 (CFF-based OpenType is not supported; use TrueType)");
            var tables = ReadDirectory(file, directory);
            if (!tables.ContainsKey("glyf"))
                throw new FontFormatException($"{path}: 不是 TrueType 轮廓字体 (no glyf table)");
            var data = directory == 0 ? file : Extract(file, directory, tables);
            var localTables = directory == 0 ? tables : ReadDirectory(data, 0);
            return Build(data, path, faceIndex, localTables);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new FontFormatException($"{path}: 字体文件已损坏 (truncated or corrupt font file)");
        }
    }

    private readonly record struct Table(int Offset, int Length, uint Checksum);

    private static Dictionary<string, Table> ReadDirectory(byte[] file, int at)
    {
        var count = ReadU16(file, at + 4);
        var tables = new Dictionary<string, Table>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = at + 12 + 16 * i;
            var tag = Encoding.ASCII.GetString(file, record, 4);
            tables[tag] = new Table((int)ReadU32(file, record + 8), (int)ReadU32(file, record + 12), ReadU32(file, record + 4));
        }
        return tables;
    }

    /// <summary>Rebuilds one face of a collection as a standalone sfnt: same tables, new offsets.</summary>
    private static byte[] Extract(byte[] file, int directory, Dictionary<string, Table> tables)
    {
        var ordered = tables.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        var headerSize = 12 + 16 * ordered.Count;
        var size = headerSize + ordered.Sum(t => (t.Value.Length + 3) & ~3);
        var output = new byte[size];
        Array.Copy(file, directory, output, 0, 12);
        var offset = headerSize;
        for (var i = 0; i < ordered.Count; i++)
        {
            var (tag, table) = (ordered[i].Key, ordered[i].Value);
            var record = 12 + 16 * i;
            Encoding.ASCII.GetBytes(tag, 0, 4, output, record);
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(record + 4), table.Checksum);
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(record + 8), (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(record + 12), (uint)table.Length);
            Array.Copy(file, table.Offset, output, offset, table.Length);
            offset += (table.Length + 3) & ~3;
        }
        return output;
    }

    private static TrueTypeFace Build(byte[] data, string path, int faceIndex, Dictionary<string, Table> tables)
    {
        Table Need(string tag) => tables.TryGetValue(tag, out var t) ? t : throw new FontFormatException($"{path}: 缺少 {tag} 表 (missing {tag} table)");
        var head = Need("head");
        var hhea = Need("hhea");
        var maxp = Need("maxp");
        var hmtx = Need("hmtx");
        var unitsPerEm = ReadU16(data, head.Offset + 18);
        var ascender = ReadI16(data, hhea.Offset + 4);
        var descender = ReadI16(data, hhea.Offset + 6);
        var metrics = ReadU16(data, hhea.Offset + 34);
        var glyphs = ReadU16(data, maxp.Offset + 4);
        var advances = new ushort[Math.Max(glyphs, metrics)];
        ushort last = 0;
        for (var g = 0; g < advances.Length; g++)
        {
            if (g < metrics) last = ReadU16(data, hmtx.Offset + 4 * g);
            advances[g] = last;
        }
        var bmp = new ushort[0x10000];
        var astral = new Dictionary<int, ushort>();
        ReadCmap(data, Need("cmap").Offset, bmp, astral, path);
        var family = tables.TryGetValue("name", out var name) ? FamilyOf(data, name.Offset) : null;
        var key = $"{Path.GetFileNameWithoutExtension(path)}#{faceIndex}";
        return new TrueTypeFace(key, family ?? key, path, data, unitsPerEm, ascender, descender, bmp, astral, advances);
    }

    private static void ReadCmap(byte[] data, int cmap, ushort[] bmp, Dictionary<int, ushort> astral, string path)
    {
        var count = ReadU16(data, cmap + 2);
        int format4 = -1, format12 = -1;
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + 8 * i;
            var (platform, encoding) = (ReadU16(data, record), ReadU16(data, record + 2));
            var sub = cmap + (int)ReadU32(data, record + 4);
            var format = ReadU16(data, sub);
            var unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (!unicode) continue;
            if (format == 12) format12 = sub;
            else if (format == 4 && format4 < 0) format4 = sub;
        }
        if (format12 >= 0) ReadFormat12(data, format12, bmp, astral);
        else if (format4 >= 0) ReadFormat4(data, format4, bmp);
        else throw new FontFormatException($"{path}: 没有 Unicode 字符映射 (no Unicode cmap)");
    }

    private static void ReadFormat4(byte[] data, int at, ushort[] bmp)
    {
        var segments = ReadU16(data, at + 6) / 2;
        var ends = at + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var ranges = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            int end = ReadU16(data, ends + 2 * s), start = ReadU16(data, starts + 2 * s);
            var delta = ReadI16(data, deltas + 2 * s);
            var rangeOffset = ReadU16(data, ranges + 2 * s);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0) glyph = (c + delta) & 0xFFFF;
                else
                {
                    var address = ranges + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = ReadU16(data, address);
                    if (glyph != 0) glyph = (glyph + delta) & 0xFFFF;
                }
                bmp[c] = (ushort)glyph;
            }
        }
    }

    private static void ReadFormat12(byte[] data, int at, ushort[] bmp, Dictionary<int, ushort> astral)
    {
        var groups = (int)ReadU32(data, at + 12);
        for (var g = 0; g < groups; g++)
        {
            var record = at + 16 + 12 * g;
            var (start, end, glyph) = ((int)ReadU32(data, record), (int)ReadU32(data, record + 4), (int)ReadU32(data, record + 8));
            for (var c = start; c <= end && c <= 0x10FFFF; c++)
            {
                var id = (ushort)(glyph + c - start);
                if (c < 0x10000) bmp[c] = id;
                else astral[c] = id;
            }
        }
    }

    /// <summary>Name ID 1 (family), preferring the Windows English record.</summary>
    private static string? FamilyOf(byte[] data, int at)
    {
        var count = ReadU16(data, at + 2);
        var strings = at + ReadU16(data, at + 4);
        string? best = null;
        for (var i = 0; i < count; i++)
        {
            var record = at + 6 + 12 * i;
            var (platform, language, nameId) = (ReadU16(data, record), ReadU16(data, record + 4), ReadU16(data, record + 6));
            if (nameId != 1) continue;
            var (length, offset) = (ReadU16(data, record + 8), ReadU16(data, record + 10));
            var bytes = data.AsSpan(strings + offset, length);
            var text = platform == 3 || platform == 0 ? Encoding.BigEndianUnicode.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            if (platform == 3 && language == 0x0409) return text;
            best ??= text;
        }
        return best;
    }
}
