using System.Collections.Concurrent;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Workflows.Documents.Fonts;
using Workflows.Documents.Images;
using Workflows.Documents.Layout;
using Workflows.Documents.Rendering;

namespace Workflows.Documents.Pdf;

/// <summary>
/// Writes laid-out pages with PDFsharp 6 (Core build): text as Unicode (Identity-H) with
/// subsets of the TrueType faces embedded, images as PNG/JPEG, QR codes and rules as vectors.
/// </summary>
public sealed class PdfSharpWriter : IPdfWriter
{
    private static readonly Lock Gate = new();
    private static bool _initialised;
    private static readonly ConcurrentDictionary<(string, double, bool), XFont> Fonts = new();
    private static readonly ConcurrentDictionary<ImageData, byte[]> ImagePdfs = new();
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    public PdfSharpWriter() => Initialise();

    /// <summary>
    /// Once per process: our font resolver. PDFsharp 6.2.4 is MIT and needs no licence call (6.5.0 is
    /// AGPL-3.0 and throws without <c>SetAgplLicense()</c>: that is why the project stays on 6.2.4).
    /// </summary>
    public static void Initialise()
    {
        lock (Gate)
        {
            if (_initialised) return;
            GlobalFontSettings.FontResolver = FaceResolver.Instance;
            _initialised = true;
        }
    }

    public byte[] Write(DisplayList pages, DocumentInfo info, double offsetX = 0, double offsetY = 0)
    {
        using var document = new PdfDocument();
        document.Info.Title = info.Title;
        if (info.Subject is not null) document.Info.Subject = info.Subject;
        document.Info.Creator = "Workflows";
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        var canvas = new Canvas(document);
        try
        {
            pages.ReplayOn(canvas, offsetX, offsetY);
        }
        finally
        {
            canvas.Close();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>
    /// The font of a face at a size. Chinese fonts have no bold face: PDFsharp simulates bold (the
    /// glyphs are also stroked) with the same embedded subset, so the text still extracts once.
    /// </summary>
    internal static XFont FontOf(TrueTypeFace face, double size, bool bold) =>
        Fonts.GetOrAdd((face.Key, size, bold), key =>
        {
            FaceResolver.Instance.Register(face);
            return new XFont(key.Item1, key.Item2, key.Item3 ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
        });

    /// <summary>
    /// An image as a one-page PDF, made once: each document then imports the page as a form, copying
    /// the already compressed image instead of decoding and compressing the PNG again.
    /// </summary>
    private static byte[] ImageAsPdf(ImageData image) =>
        ImagePdfs.GetOrAdd(image, data =>
        {
            using var document = new PdfDocument();
            document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestCompression;
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(data.PixelWidth);
            page.Height = XUnit.FromPoint(data.PixelHeight);
            using (var graphics = XGraphics.FromPdfPage(page))
            using (var xImage = XImage.FromStream(new MemoryStream(data.Bytes, writable: false)))
                graphics.DrawImage(xImage, 0, 0, data.PixelWidth, data.PixelHeight);
            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            return output.ToArray();
        });

    private sealed class Canvas(PdfDocument document) : ICanvas
    {
        private XGraphics? _graphics;
        [ThreadStatic] private static Dictionary<ImageData, XPdfForm>? _openForms;
        private readonly Dictionary<Rgb, XBrush> _brushes = [];
        private readonly Dictionary<(Rgb, double), XPen> _pens = [];

        public void BeginPage(double width, double height)
        {
            _graphics?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(width);
            page.Height = XUnit.FromPoint(height);
            _graphics = XGraphics.FromPdfPage(page);
        }

        public void DrawText(double x, double baseline, GlyphRun run)
        {
            var font = FontOf(run.Face, run.Size, run.Bold);
            if (run.Spacing == 0)
            {
                _graphics!.DrawString(run.Text, font, XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
                return;
            }
            foreach (var rune in run.Text.EnumerateRunes())
            {
                _graphics!.DrawString(rune.ToString(), font, XBrushes.Black, x, baseline, XStringFormats.BaseLineLeft);
                x += run.Face.Advance(rune.Value) * run.Size + run.Spacing;
            }
        }

        public void FillRectangle(double x, double y, double width, double height, Rgb color) =>
            _graphics!.DrawRectangle(Brush(color), x, y, width, height);

        /// <summary>Many rectangles (a QR code's modules) as one fill of <c>re</c> operators, rather than a path of four points each.</summary>
        public void FillRectangles(IReadOnlyList<Rect> rectangles, Rgb color)
        {
            if (rectangles.Count == 0) return;
            var rects = new XRect[rectangles.Count];
            for (var i = 0; i < rects.Length; i++) rects[i] = new XRect(rectangles[i].X, rectangles[i].Y, rectangles[i].Width, rectangles[i].Height);
            _graphics!.DrawRectangles(Brush(color), rects);
        }

        public void StrokeLine(double x1, double y1, double x2, double y2, double thickness, Rgb color)
        {
            if (!_pens.TryGetValue((color, thickness), out var pen)) _pens[(color, thickness)] = pen = new XPen(XColor.FromArgb(color.R, color.G, color.B), thickness);
            _graphics!.DrawLine(pen, x1, y1, x2, y2);
        }

        private XBrush Brush(Rgb color)
        {
            if (!_brushes.TryGetValue(color, out var brush)) _brushes[color] = brush = new XSolidBrush(XColor.FromArgb(color.R, color.G, color.B));
            return brush;
        }

        /// <summary>
        /// The image's one-page PDF is opened once per thread and kept: each document imports its page from
        /// the same opened form, instead of parsing the PDF again for every render.
        /// </summary>
        public void DrawImage(ImageData image, double x, double y, double width, double height)
        {
            var forms = _openForms ??= [];
            if (!forms.TryGetValue(image, out var form))
            {
                if (forms.Count >= 64) { foreach (var old in forms.Values) old.Dispose(); forms.Clear(); }
                forms[image] = form = XPdfForm.FromStream(new MemoryStream(ImageAsPdf(image), writable: false));
            }
            _graphics!.DrawImage(form, x, y, width, height);
        }

        public void Close() => _graphics?.Dispose();
    }
}
