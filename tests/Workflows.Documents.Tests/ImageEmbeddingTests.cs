using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Workflows.Documents.Tests;

/// <summary>
/// Images in the PDF: one of several colours goes through PDFsharp's drawing layer, between the
/// stretches of content we write ourselves (text before and after it stays in order); one of a
/// single ink on transparency becomes a 1-bit stencil.
/// </summary>
public class ImageEmbeddingTests
{
    private const string Document = "<document size=\"A4\" margin=\"37mm 26mm 35mm 28mm\" font-size=\"15.75pt\" line-height=\"28.9pt\">";

    [Fact]
    public void ImageOfSeveralColours_IsEmbeddedInColour_BetweenTheTextAroundIt()
    {
        using var scratch = new ScratchTemplate($"{Document}<p>图片之前</p><image src=\"colours.png\" width=\"40mm\"/><p>图片之后</p></document>");
        WritePng(Path.Combine(Path.GetDirectoryName(scratch.TemplatePath)!, "..", "colours.png"), 40, 20,
            (x, y) => x < 20 ? (0, 90, 200, 255) : (240, 180, 0, 255));
        var pdf = scratch.WritePdf(scratch.Render());
        var image = Assert.Single(Images(pdf));
        Assert.Matches(@"\bimage\s+40\s+20\s+rgb\s+3\s+8\b", image);
        var text = Support.Compact(Support.Text(pdf));
        Assert.True(text.IndexOf("图片之前", StringComparison.Ordinal) < text.IndexOf("图片之后", StringComparison.Ordinal), text);
    }

    [Fact]
    public void ImageOfOneInkOnTransparency_IsEmbeddedAsAStencil()
    {
        using var scratch = new ScratchTemplate($"{Document}<p>印章</p><image src=\"ink.png\" width=\"40mm\"/></document>");
        WritePng(Path.Combine(Path.GetDirectoryName(scratch.TemplatePath)!, "..", "ink.png"), 64, 64,
            (x, y) => (x - 32) * (x - 32) + (y - 32) * (y - 32) < 900 ? (230, 0, 18, 255) : (0, 0, 0, 0));
        var image = Assert.Single(Images(scratch.WritePdf(scratch.Render())));
        Assert.Matches(@"\bstencil\s+64\s+64\s+-\s+1\s+1\b", image);
    }

    private static List<string> Images(string pdf) =>
        Support.Run("pdfimages", "-list", pdf).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();

    /// <summary>An RGBA PNG (filter 0 on every row), written the way the format says, CRCs included.</summary>
    private static void WritePng(string path, int width, int height, Func<int, int, (int R, int G, int B, int A)> pixel)
    {
        var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                var (r, g, b, a) = pixel(x, y);
                raw.Write([(byte)r, (byte)g, (byte)b, (byte)a]);
            }
        }
        var idat = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw.ToArray());
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 6);
        using var file = File.Create(path);
        file.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(file, "IHDR", header);
        Chunk(file, "IDAT", idat.ToArray());
        Chunk(file, "IEND", []);
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        output.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
