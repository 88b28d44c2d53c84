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
    /// Once per process: PDFsharp's AGPL licence (this product is AGPL-3.0-or-later) and our font resolver.
    /// </summary>
    public static void Initialise()
    {
        lock (Gate)
        {
            if (_initialised) return;
            PdfSharp.PdfSharpLicense.SetAgplLicense();
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
        private readonly Dictionary<ImageData, XPdfForm> _images = [];
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

        public void FillRectangles(IReadOnlyList<Rect> rectangles, Rgb color)
        {
            if (rectangles.Count == 0) return;
            var path = new XGraphicsPath { FillMode = XFillMode.Winding };
            foreach (var r in rectangles) path.AddRectangle(r.X, r.Y, r.Width, r.Height);
            _graphics!.DrawPath(Brush(color), path);
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

        public void DrawImage(ImageData image, double x, double y, double width, double height)
        {
            if (!_images.TryGetValue(image, out var xImage))
                _images[image] = xImage = XPdfForm.FromStream(new MemoryStream(ImageAsPdf(image), writable: false));
            _graphics!.DrawImage(xImage, x, y, width, height);
        }

        public void Close()
        {
            _graphics?.Dispose();
            foreach (var image in _images.Values) image.Dispose();
        }
    }
}
