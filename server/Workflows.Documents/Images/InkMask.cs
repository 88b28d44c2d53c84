using System.Buffers.Binary;
using System.IO.Compression;

namespace Workflows.Documents.Images;

/// <summary>
/// An image made of one ink on white or on transparency (a seal: red on nothing), reduced to a
/// 1-bit stencil and that ink's colour. A PDF paints it as an image mask in the colour: 600×600
/// pixels take about 6 KB instead of the 90 KB of the RGB image with its 8-bit soft mask, and
/// at a seal's 40 mm the 381 pixels per inch are finer than the print. Anything with a second
/// colour (a photo, a logo in colours) is not a stencil and is embedded as it is.
/// </summary>
public sealed class InkMask
{
    private InkMask(int width, int height, byte[] bits, (byte R, byte G, byte B) ink)
    {
        Width = width;
        Height = height;
        Bits = bits;
        Ink = ink;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Rows of 1 bit per pixel (1 = ink), each row padded to a whole byte.</summary>
    public byte[] Bits { get; }

    public (byte R, byte G, byte B) Ink { get; }

    /// <summary>How far (0–255 per channel) a pixel may stray from the line between white and the ink.</summary>
    private const double Tolerance = 48;

    /// <summary>The stencil of a one-ink PNG, or null when the image is not one (or not a PNG this reader decodes).</summary>
    public static InkMask? Of(ImageData image)
    {
        var pixels = Png.DecodeOverWhite(image.Bytes);
        if (pixels is null) return null;
        var (width, height, rgb) = pixels.Value;
        // The ink: the mean of the pixels far from white.
        double sr = 0, sg = 0, sb = 0;
        var count = 0;
        for (var i = 0; i < rgb.Length; i += 3)
        {
            double dr = 255 - rgb[i], dg = 255 - rgb[i + 1], db = 255 - rgb[i + 2];
            if (dr * dr + dg * dg + db * db < 128 * 128) continue;
            sr += rgb[i]; sg += rgb[i + 1]; sb += rgb[i + 2];
            count++;
        }
        if (count == 0) return null;
        var ink = ((byte)(sr / count), (byte)(sg / count), (byte)(sb / count));
        double ir = 255 - ink.Item1, ig = 255 - ink.Item2, ib = 255 - ink.Item3;
        var span = ir * ir + ig * ig + ib * ib;
        var stride = (width + 7) / 8;
        var bits = new byte[stride * height];
        for (var p = 0; p < width * height; p++)
        {
            double dr = 255 - rgb[3 * p], dg = 255 - rgb[3 * p + 1], db = 255 - rgb[3 * p + 2];
            var share = (dr * ir + dg * ig + db * ib) / span;         // 0 = white, 1 = full ink
            double or = dr - share * ir, og = dg - share * ig, ob = db - share * ib;
            if (or * or + og * og + ob * ob > Tolerance * Tolerance) return null;   // a second colour
            if (share >= 0.5) bits[p / width * stride + p % width / 8] |= (byte)(0x80 >> (p % width % 8));
        }
        return new InkMask(width, height, bits, ink);
    }

    /// <summary>Just enough PNG (non-interlaced, 8 bits per sample, any colour type) to find a stencil.</summary>
    private static class Png
    {
        public static (int Width, int Height, byte[] Rgb)? DecodeOverWhite(byte[] png)
        {
            if (png.Length < 33 || png[0] != 0x89 || png[1] != 'P') return null;
            int width = 0, height = 0, depth = 0, type = 0, interlace = 0;
            byte[]? palette = null, transparency = null;
            var compressed = new MemoryStream();
            for (var at = 8; at + 8 <= png.Length;)
            {
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
                var tag = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
                var data = png.AsSpan(at + 8, length);
                switch (tag)
                {
                    case "IHDR":
                        width = (int)BinaryPrimitives.ReadUInt32BigEndian(data);
                        height = (int)BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
                        (depth, type, interlace) = (data[8], data[9], data[12]);
                        break;
                    case "PLTE": palette = data.ToArray(); break;
                    case "tRNS": transparency = data.ToArray(); break;
                    case "IDAT": compressed.Write(data); break;
                }
                at += 12 + length;
            }
            var channels = type switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
            if (depth != 8 || interlace != 0 || channels == 0 || width <= 0 || height <= 0 || (type == 3 && palette is null)) return null;
            var raw = Unfilter(Inflate(compressed), width, height, channels);
            if (raw is null) return null;
            var rgb = new byte[3 * width * height];
            for (var p = 0; p < width * height; p++)
            {
                int r, g, b, a = 255;
                var s = p * channels;
                switch (type)
                {
                    case 0: r = g = b = raw[s]; break;
                    case 2: (r, g, b) = (raw[s], raw[s + 1], raw[s + 2]); break;
                    case 3:
                        var index = raw[s];
                        if (3 * index + 2 >= palette!.Length) return null;
                        (r, g, b) = (palette[3 * index], palette[3 * index + 1], palette[3 * index + 2]);
                        if (transparency is not null && index < transparency.Length) a = transparency[index];
                        break;
                    case 4: (r, g, b, a) = (raw[s], raw[s], raw[s], raw[s + 1]); break;
                    default: (r, g, b, a) = (raw[s], raw[s + 1], raw[s + 2], raw[s + 3]); break;
                }
                rgb[3 * p] = (byte)(255 - (255 - r) * a / 255);
                rgb[3 * p + 1] = (byte)(255 - (255 - g) * a / 255);
                rgb[3 * p + 2] = (byte)(255 - (255 - b) * a / 255);
            }
            return (width, height, rgb);
        }

        private static byte[] Inflate(MemoryStream compressed)
        {
            compressed.Position = 0;
            using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
            using var output = new MemoryStream();
            inflater.CopyTo(output);
            return output.ToArray();
        }

        /// <summary>Undoes the per-row filters (none, sub, up, average, Paeth).</summary>
        private static byte[]? Unfilter(byte[] data, int width, int height, int bpp)
        {
            var stride = width * bpp;
            if (data.Length < (stride + 1) * height) return null;
            var output = new byte[stride * height];
            for (var y = 0; y < height; y++)
            {
                var filter = data[y * (stride + 1)];
                var source = y * (stride + 1) + 1;
                var row = y * stride;
                for (var x = 0; x < stride; x++)
                {
                    int left = x >= bpp ? output[row + x - bpp] : 0;
                    int up = y > 0 ? output[row - stride + x] : 0;
                    int corner = x >= bpp && y > 0 ? output[row - stride + x - bpp] : 0;
                    int value = data[source + x];
                    value += filter switch
                    {
                        0 => 0,
                        1 => left,
                        2 => up,
                        3 => (left + up) / 2,
                        4 => Paeth(left, up, corner),
                        _ => -1000,
                    };
                    if (value < -255) return null;
                    output[row + x] = (byte)value;
                }
            }
            return output;
        }

        private static int Paeth(int a, int b, int c)
        {
            var p = a + b - c;
            int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
            return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
    }
}
