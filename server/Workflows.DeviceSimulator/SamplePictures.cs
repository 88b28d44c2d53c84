namespace Workflows.DeviceSimulator;

/// <summary>What the simulated devices "see": a scanned A4 page and an ID card photo, drawn in 8×8 blocks.</summary>
public static class SamplePictures
{
    /// <summary>An A4 page at 100 dpi (103 × 146 blocks): a frame, a dark title bar, grey text lines and page marks (one square per page number).</summary>
    public static byte[] ScannedPage(int page)
    {
        const int rows = 146, columns = 103;
        var shades = new byte[rows, columns];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
        {
            var frame = r is 6 or rows - 7 && c is >= 6 and <= columns - 7 || c is 6 or columns - 7 && r is >= 6 and <= rows - 7;
            var title = r is >= 12 and <= 15 && c is >= 14 and <= columns - 15;
            var line = r >= 22 && r <= rows - 22 && r % 4 == 0 && c >= 12 && c <= columns - 12 - (r * 7 % 23);
            var mark = r is >= rows - 16 and <= rows - 14 && c >= 12 && c < 12 + 4 * page && c % 4 != 3;
            shades[r, c] = frame || title || mark ? (byte)20 : line ? (byte)110 : (byte)245;
        }
        return BlockJpeg.Encode(shades);
    }

    /// <summary>A 26 × 32 block (208 × 256 px) head-and-shoulders silhouette on a pale background, like the chip's photo.</summary>
    public static byte[] IdPhoto()
    {
        const int rows = 32, columns = 26;
        var shades = new byte[rows, columns];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
        {
            double dx = c - 12.5, dy = r - 11;
            var head = dx * dx / 36 + dy * dy / 56 <= 1;
            var shoulders = r >= 21 && Math.Abs(dx) <= 4 + (r - 21) * 1.2;
            shades[r, c] = head ? (byte)150 : shoulders ? (byte)40 : (byte)235;
        }
        return BlockJpeg.Encode(shades);
    }
}
