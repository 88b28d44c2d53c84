using System.Globalization;
using System.Text;

namespace Workflows.DeviceSimulator;

/// <summary>
/// A PDF of scanned pages as a document camera's SDK returns it: one A4 page per capture, the JPEG
/// drawn full page (DCTDecode) and a line of text (so pdftotext can tell what it is).
/// </summary>
public static class ScanPdf
{
    public static byte[] Write(IReadOnlyList<byte[]> jpegs, int width, int height, string caption)
    {
        var objects = new List<byte[]>();
        int pageCount = jpegs.Count;
        // 1 catalog, 2 pages, 3 font, then per page: page, content, image.
        var kids = string.Join(" ", Enumerable.Range(0, pageCount).Select(i => $"{4 + 3 * i} 0 R"));
        objects.Add(Ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.Add(Ascii($"<< /Type /Pages /Kids [{kids}] /Count {pageCount} >>"));
        objects.Add(Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
        for (var i = 0; i < pageCount; i++)
        {
            int page = 4 + 3 * i, content = page + 1, image = page + 2;
            objects.Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 {image} 0 R >> >> /Contents {content} 0 R >>"));
            var text = $"{caption} - page {i + 1} of {pageCount}".Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");
            objects.Add(Stream("", Ascii($"q 595 0 0 842 0 0 cm /Im1 Do Q BT /F1 10 Tf 40 20 Td ({text}) Tj ET")));
            objects.Add(Stream($"/Type /XObject /Subtype /Image /Width {width} /Height {height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode ", jpegs[i]));
        }

        using var pdf = new MemoryStream();
        pdf.Write("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write("\nendobj\n"u8);
        }
        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static byte[] Stream(string dictionary, byte[] data) =>
        [.. Ascii($"<< {dictionary}/Length {data.Length} >>\nstream\n"), .. data, .. Ascii("\nendstream")];
}
