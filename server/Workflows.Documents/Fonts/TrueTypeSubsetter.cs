using System.Buffers.Binary;
using System.Text;
using static Workflows.Documents.Fonts.TrueTypeFace;

namespace Workflows.Documents.Fonts;

/// <summary>
/// Cuts from a face the TrueType font a PDF embeds for a CIDFontType2 with Identity-H: only the
/// tables a viewer reads (<c>glyf loca hmtx head hhea maxp</c>), and in them only the used glyphs'
/// data. Glyph ids are kept (the content stream writes them as CIDs, CIDToGIDMap Identity), so
/// the tables end at the highest used id; unused glyphs are empty in <c>loca</c> and zero in
/// <c>hmtx</c>, runs that compress to almost nothing. Hinting instructions are dropped (with
/// <c>fpgm prep cvt</c>): the CJK faces barely use them and they were an eighth of the glyph data.
/// PDFsharp's own subset kept the full <c>hmtx</c>, <c>loca</c> and every instruction.
/// </summary>
public static class TrueTypeSubsetter
{
    public static byte[] Subset(TrueTypeFace face, IEnumerable<ushort> glyphs)
    {
        var source = face.SubsetSource;
        var used = new SortedSet<ushort> { 0 };   // .notdef is always there
        var pending = new Stack<ushort>(glyphs.Where(g => g < source.GlyphCount));
        while (pending.Count > 0)
        {
            var glyph = pending.Pop();
            if (!used.Add(glyph) && glyph != 0) continue;
            foreach (var component in source.ComponentsOf(glyph))
                if (component < source.GlyphCount && !used.Contains(component)) pending.Push(component);
        }
        var count = used.Max + 1;

        var glyf = new MemoryStream();
        var loca = new byte[4 * (count + 1)];
        var hmtx = new byte[4 * count];
        for (var g = 0; g < count; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * g), (uint)glyf.Length);
            if (!used.Contains((ushort)g)) continue;
            source.WriteGlyphWithoutInstructions((ushort)g, glyf);
            while (glyf.Length % 4 != 0) glyf.WriteByte(0);
            var (advance, bearing) = source.Metrics((ushort)g);
            BinaryPrimitives.WriteUInt16BigEndian(hmtx.AsSpan(4 * g), advance);
            BinaryPrimitives.WriteInt16BigEndian(hmtx.AsSpan(4 * g + 2), bearing);
        }
        BinaryPrimitives.WriteUInt32BigEndian(loca.AsSpan(4 * count), (uint)glyf.Length);

        var head = source.Copy("head");
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);       // checkSumAdjustment: not checked by viewers
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);       // indexToLocFormat: long offsets
        var hhea = source.Copy("hhea");
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)count);
        var maxp = source.Copy("maxp");
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)count);

        return Assemble([("glyf", glyf.ToArray()), ("head", head), ("hhea", hhea), ("hmtx", hmtx), ("loca", loca), ("maxp", maxp)]);
    }

    /// <summary>An sfnt file of the given tables, in tag order, each 4-byte aligned with its checksum.</summary>
    private static byte[] Assemble(IReadOnlyList<(string Tag, byte[] Data)> tables)
    {
        var header = 12 + 16 * tables.Count;
        var output = new byte[header + tables.Sum(t => (t.Data.Length + 3) & ~3)];
        BinaryPrimitives.WriteUInt32BigEndian(output, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(4), (ushort)tables.Count);
        var power = 1;
        var log = 0;
        while (power * 2 <= tables.Count) { power *= 2; log++; }
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(6), (ushort)(16 * power));
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(8), (ushort)log);
        BinaryPrimitives.WriteUInt16BigEndian(output.AsSpan(10), (ushort)(16 * (tables.Count - power)));
        var offset = header;
        for (var i = 0; i < tables.Count; i++)
        {
            var (tag, data) = tables[i];
            var record = output.AsSpan(12 + 16 * i);
            Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(data));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)data.Length);
            data.CopyTo(output, offset);
            offset += (data.Length + 3) & ~3;
        }
        return output;
    }

    private static uint Checksum(byte[] data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++) word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            sum += word;
        }
        return sum;
    }

    /// <summary>The parts of a face a subset is cut from: table positions and the glyph index.</summary>
    public sealed class Source
    {
        private readonly byte[] _data;
        private readonly Dictionary<string, (int Offset, int Length)> _tables;
        private readonly int _glyf, _loca, _hmtx, _metrics;
        private readonly bool _longLoca;

        private Source(byte[] data)
        {
            _data = data;
            var count = ReadU16(data, 4);
            _tables = new Dictionary<string, (int, int)>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                var record = 12 + 16 * i;
                _tables[Encoding.ASCII.GetString(data, record, 4)] = ((int)ReadU32(data, record + 8), (int)ReadU32(data, record + 12));
            }
            _glyf = Table("glyf").Offset;
            _loca = Table("loca").Offset;
            _hmtx = Table("hmtx").Offset;
            _longLoca = ReadI16(data, Table("head").Offset + 50) == 1;
            _metrics = ReadU16(data, Table("hhea").Offset + 34);
            GlyphCount = ReadU16(data, Table("maxp").Offset + 4);
            var head = Table("head").Offset;
            Box = (ReadI16(data, head + 36), ReadI16(data, head + 38), ReadI16(data, head + 40), ReadI16(data, head + 42));
        }

        internal static Source Of(byte[] data) => new(data);

        public int GlyphCount { get; }

        /// <summary>The font's bounding box (xMin, yMin, xMax, yMax) in font units.</summary>
        public (short XMin, short YMin, short XMax, short YMax) Box { get; }

        private (int Offset, int Length) Table(string tag) =>
            _tables.TryGetValue(tag, out var t) ? t : throw new FontFormatException($"缺少 {tag} 表 (missing {tag} table)");

        public byte[] Copy(string tag)
        {
            var (offset, length) = Table(tag);
            return _data.AsSpan(offset, length).ToArray();
        }

        private (int Start, int Length) Glyph(ushort glyph)
        {
            int start, end;
            if (_longLoca) (start, end) = ((int)ReadU32(_data, _loca + 4 * glyph), (int)ReadU32(_data, _loca + 4 * glyph + 4));
            else (start, end) = (2 * ReadU16(_data, _loca + 2 * glyph), 2 * ReadU16(_data, _loca + 2 * glyph + 2));
            return (_glyf + start, Math.Max(0, end - start));
        }

        public (ushort Advance, short Bearing) Metrics(ushort glyph)
        {
            if (glyph < _metrics) return (ReadU16(_data, _hmtx + 4 * glyph), ReadI16(_data, _hmtx + 4 * glyph + 2));
            return (ReadU16(_data, _hmtx + 4 * (_metrics - 1)), ReadI16(_data, _hmtx + 4 * _metrics + 2 * (glyph - _metrics)));
        }

        /// <summary>The glyphs a composite glyph is built from (none for a simple glyph).</summary>
        public IEnumerable<ushort> ComponentsOf(ushort glyph)
        {
            var (start, length) = Glyph(glyph);
            if (length < 10 || ReadI16(_data, start) >= 0) yield break;
            var at = start + 10;
            while (true)
            {
                var flags = ReadU16(_data, at);
                yield return ReadU16(_data, at + 2);
                at += 4 + ((flags & 0x0001) != 0 ? 4 : 2);
                if ((flags & 0x0008) != 0) at += 2;
                else if ((flags & 0x0040) != 0) at += 4;
                else if ((flags & 0x0080) != 0) at += 8;
                if ((flags & 0x0020) == 0) yield break;
            }
        }

        /// <summary>A simple glyph with its instructions cut out; a composite glyph as it is.</summary>
        public void WriteGlyphWithoutInstructions(ushort glyph, Stream output)
        {
            var (start, length) = Glyph(glyph);
            if (length == 0) return;
            var span = _data.AsSpan(start, length);
            var contours = ReadI16(_data, start);
            if (contours < 0) { output.Write(span); return; }
            var lengthAt = 10 + 2 * contours;
            var instructions = ReadU16(_data, start + lengthAt);
            output.Write(span[..lengthAt]);
            output.Write([0, 0]);
            output.Write(span[(lengthAt + 2 + instructions)..]);
        }
    }
}
