using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Workflows.Documents.Images;

/// <summary>A PNG or JPEG file with its pixel size, read once; the backend decodes and embeds it.</summary>
public sealed class ImageData
{
    private ImageData(string path, byte[] bytes, int width, int height)
    {
        Path = path;
        Bytes = bytes;
        PixelWidth = width;
        PixelHeight = height;
        _stencil = new Lazy<InkMask?>(() => InkMask.Of(this));
    }

    private readonly Lazy<InkMask?> _stencil;

    /// <summary>The image as a 1-bit stencil in one ink (a seal), worked out once; null when it has more than one colour.</summary>
    public InkMask? Stencil => _stencil.Value;

    public string Path { get; }
    public byte[] Bytes { get; }
    public int PixelWidth { get; }
    public int PixelHeight { get; }

    /// <summary>Height over width.</summary>
    public double Ratio => PixelHeight / (double)PixelWidth;

    private static readonly ConcurrentDictionary<string, (DateTime Stamp, ImageData Image)> Cache = new(StringComparer.Ordinal);

    /// <summary>Reads (or takes from the cache while the file is unchanged) a PNG or JPEG.</summary>
    /// <exception cref="InvalidDataException">Neither PNG nor JPEG, or no size found.</exception>
    public static ImageData Load(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var stamp = File.GetLastWriteTimeUtc(full);
        if (Cache.TryGetValue(full, out var hit) && hit.Stamp == stamp) return hit.Image;
        var bytes = File.ReadAllBytes(full);
        var (width, height) = SizeOf(bytes) ?? throw new InvalidDataException($"{path}: 仅支持 PNG 和 JPEG 图片 (only PNG and JPEG images are supported)");
        var image = new ImageData(full, bytes, width, height);
        Cache[full] = (stamp, image);
        return image;
    }

    private static (int, int)? SizeOf(byte[] b)
    {
        if (b.Length > 24 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
            return ((int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(20)));
        if (b.Length > 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < b.Length)
            {
                if (b[i] != 0xFF) { i++; continue; }
                var marker = b[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
                var startOfFrame = marker is >= 0xC0 and <= 0xCF && marker is not 0xC4 and not 0xC8 and not 0xCC;
                if (startOfFrame)
                    return (BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 5)));
                i += 2 + length;
            }
        }
        return null;
    }
}
