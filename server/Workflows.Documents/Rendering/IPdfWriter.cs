using Workflows.Documents.Layout;

namespace Workflows.Documents.Rendering;

/// <summary>Document metadata written into the file.</summary>
public sealed record DocumentInfo(string Title, string? Subject = null, string? Author = null);

/// <summary>A backend: writes laid-out pages as a PDF. The only place that knows the PDF library.</summary>
public interface IPdfWriter
{
    /// <param name="offsetX">Shift of everything on the page, in points (a printer's calibration).</param>
    byte[] Write(DisplayList pages, DocumentInfo info, double offsetX = 0, double offsetY = 0);
}
