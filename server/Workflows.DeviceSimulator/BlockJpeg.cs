namespace Workflows.DeviceSimulator;

/// <summary>
/// A real baseline JPEG (JFIF, greyscale) from a picture drawn in 8×8 blocks of one shade each: every
/// block is flat, so only its DC coefficient is coded and a two-table Huffman code suffices. Any
/// decoder opens it; the simulator needs no imaging library to hand out a "photo" or a "scan".
/// </summary>
public static class BlockJpeg
{
    /// <summary>Encodes <paramref name="shades"/> [row, column] (0 black … 255 white), one per 8×8 block.</summary>
    public static byte[] Encode(byte[,] shades)
    {
        int rows = shades.GetLength(0), columns = shades.GetLength(1);
        using var output = new MemoryStream();
        void Write(params byte[] bytes) => output.Write(bytes);
        void Segment(byte marker, byte[] body) { Write(0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2)); Write(body); }

        Write(0xFF, 0xD8);
        Segment(0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        // One quantisation table of 8s: a flat block's DC coefficient is 8 × (shade − 128), so it quantises to shade − 128 exactly.
        var quant = new byte[65];
        Array.Fill(quant, (byte)8, 1, 64);
        Segment(0xDB, quant);
        int height = rows * 8, width = columns * 8;
        Segment(0xC0, [8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0]);
        // DC table: categories 0–11, each a 4-bit code (code = category). AC table: one symbol, end of block, code "0".
        var dc = new byte[1 + 16 + 12];
        dc[0] = 0x00; dc[4] = 12;
        for (var i = 0; i < 12; i++) dc[17 + i] = (byte)i;
        Segment(0xC4, dc);
        var ac = new byte[1 + 16 + 1];
        ac[0] = 0x10; ac[1] = 1; ac[17] = 0x00;
        Segment(0xC4, ac);
        Segment(0xDA, [1, 1, 0x00, 0, 63, 0]);

        var bits = new BitWriter(output);
        var previous = 0;
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
        {
            var value = shades[r, c] - 128;
            var diff = value - previous;
            previous = value;
            var category = diff == 0 ? 0 : 32 - int.LeadingZeroCount(Math.Abs(diff));
            bits.Write(category, 4);
            if (category > 0) bits.Write(diff > 0 ? diff : diff + (1 << category) - 1, category);
            bits.Write(0, 1); // end of block: no AC coefficients
        }
        bits.Flush();
        Write(0xFF, 0xD9);
        return output.ToArray();
    }

    /// <summary>Entropy-coded bits, most significant first, with a 0x00 stuffed after every 0xFF byte.</summary>
    private sealed class BitWriter(Stream output)
    {
        private int buffer, count;

        public void Write(int value, int length)
        {
            for (var i = length - 1; i >= 0; i--)
            {
                buffer = (buffer << 1) | ((value >> i) & 1);
                if (++count == 8) Emit();
            }
        }

        /// <summary>Pads the last byte with 1 bits, as the standard asks.</summary>
        public void Flush()
        {
            while (count != 0) { buffer = (buffer << 1) | 1; if (++count == 8) Emit(); }
        }

        private void Emit()
        {
            output.WriteByte((byte)buffer);
            if (buffer == 0xFF) output.WriteByte(0);
            buffer = 0; count = 0;
        }
    }
}
