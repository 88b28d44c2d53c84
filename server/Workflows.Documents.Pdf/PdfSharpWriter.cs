using System.Collections.Concurrent;
using System.IO.Compression;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Workflows.Documents.Images;
using Workflows.Documents.Layout;
using Workflows.Documents.Rendering;

namespace Workflows.Documents.Pdf;

/// <summary>
/// Writes laid-out pages as PDF on PDFsharp 6.2.4's object model: the page content is written by
/// <see cref="PageContent"/> (text as glyph ids with Identity-H, fonts subset by our own
/// <c>TrueTypeSubsetter</c> in <see cref="EmbeddedFonts"/>), one-ink images such as seals as 1-bit
/// image masks in their ink, QR codes and rules as vectors. PDFsharp's drawing layer is used only for
/// images of several colours. PDFsharp 6.2.4 is MIT and needs no licence call (6.5.0 is AGPL-3.0 and
/// throws without <c>SetAgplLicense()</c>: that is why the project stays on 6.2.4).
/// </summary>
public sealed class PdfSharpWriter : IPdfWriter
{
    public byte[] Write(DisplayList pages, DocumentInfo info, double offsetX = 0, double offsetY = 0)
    {
        using var document = new PdfDocument();
        document.Info.Title = info.Title;
        if (info.Subject is not null) document.Info.Subject = info.Subject;
        if (info.Author is not null) document.Info.Author = info.Author;
        document.Info.Creator = "Workflows";
        document.Options.CompressContentStreams = true;
        document.Options.FlateEncodeMode = PdfFlateEncodeMode.BestSpeed;
        var fonts = new EmbeddedFonts(document);
        var canvas = new Canvas(document, fonts);
        pages.ReplayOn(canvas, offsetX, offsetY);
        canvas.Close();
        fonts.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static readonly ConcurrentDictionary<ImageData, byte[]> DeflatedStencils = new();
    private static readonly ConcurrentDictionary<ImageData, byte[]> ImagePdfs = new();

    /// <summary>
    /// An image of several colours as a one-page PDF, made once: each document then imports the page as
    /// a form, copying the already compressed image instead of decoding and compressing the PNG again.
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

    private sealed class Canvas(PdfDocument document, EmbeddedFonts fonts) : ICanvas
    {
        [ThreadStatic] private static Dictionary<ImageData, XPdfForm>? _openForms;
        private readonly Dictionary<ImageData, (PdfDictionary Mask, string Name)> _stencils = [];
        private PdfPage? _page;
        private PageContent? _content;

        public void BeginPage(double width, double height)
        {
            Flush();
            _page = document.AddPage();
            _page.Width = XUnit.FromPoint(width);
            _page.Height = XUnit.FromPoint(height);
            _content = new PageContent(_page, fonts, height);
        }

        public void DrawText(double x, double baseline, GlyphRun run) => _content!.Text(x, baseline, run);

        public void FillRectangle(double x, double y, double width, double height, Rgb color) => _content!.Rectangle(x, y, width, height, color);

        public void FillRectangles(IReadOnlyList<Rect> rectangles, Rgb color) => _content!.Rectangles(rectangles, color);

        public void StrokeLine(double x1, double y1, double x2, double y2, double thickness, Rgb color) => _content!.Line(x1, y1, x2, y2, thickness, color);

        public void DrawTurnedText(double x, double baseline, double degrees, GlyphRun run, Rgb color) => _content!.TurnedText(x, baseline, degrees, run, color);

        public void StrokeCircle(double centreX, double centreY, double radius, double thickness, Rgb color) => _content!.Circle(centreX, centreY, radius, thickness, color);

        public void FillPolygon(IReadOnlyList<Point> points, Rgb color) => _content!.Polygon(points, color);

        public void DrawImage(ImageData image, double x, double y, double width, double height)
        {
            if (image.Stencil is { } stencil)
            {
                if (!_stencils.TryGetValue(image, out var mask))
                    _stencils[image] = mask = (StencilObject(image, stencil), "/WI" + _stencils.Count);
                _content!.Stencil(mask.Mask, mask.Name, x, y, width, height, new Rgb(stencil.Ink.R, stencil.Ink.G, stencil.Ink.B));
                return;
            }
            // Several colours: PDFsharp's drawing layer appends its own content stream after ours.
            Flush();
            var forms = _openForms ??= [];
            if (!forms.TryGetValue(image, out var form))
            {
                if (forms.Count >= 64) { foreach (var old in forms.Values) old.Dispose(); forms.Clear(); }
                forms[image] = form = XPdfForm.FromStream(new MemoryStream(ImageAsPdf(image), writable: false));
            }
            using (var graphics = XGraphics.FromPdfPage(_page!, XGraphicsPdfPageOptions.Append))
                graphics.DrawImage(form, x, y, width, height);
            _content = new PageContent(_page!, fonts, _page!.Height.Point);
        }

        /// <summary>The stencil as an image mask XObject, once per document; its deflated bits once per process.</summary>
        private PdfDictionary StencilObject(ImageData image, InkMask stencil)
        {
            var bits = DeflatedStencils.GetOrAdd(image, _ => EmbeddedFonts.Deflate(stencil.Bits, CompressionLevel.SmallestSize));
            var mask = new PdfDictionary(document);
            document.Internals.AddObject(mask);
            mask.Elements.SetName("/Type", "/XObject");
            mask.Elements.SetName("/Subtype", "/Image");
            mask.Elements.SetInteger("/Width", stencil.Width);
            mask.Elements.SetInteger("/Height", stencil.Height);
            mask.Elements.SetBoolean("/ImageMask", true);
            mask.Elements.SetInteger("/BitsPerComponent", 1);
            var decode = new PdfArray(document);
            decode.Elements.Add(new PdfInteger(1));
            decode.Elements.Add(new PdfInteger(0));
            mask.Elements["/Decode"] = decode;   // 1 = ink
            mask.Elements.SetName("/Filter", "/FlateDecode");
            mask.CreateStream(bits);
            return mask;
        }

        private void Flush()
        {
            _content?.Flush();
            _content = null;
        }

        public void Close() => Flush();
    }
}
