using System.Diagnostics;

namespace Workflows.Server.Tests;

/// <summary>Reads PDFs the server wrote, with poppler (pdftotext, pdftoppm) and zbarimg.</summary>
public static class Pdf
{
    public static string Text(string path) => Run("pdftotext", [0], "-enc", "UTF-8", path, "-");

    /// <summary>The QR codes on the first page (rasterised at 600 dpi).</summary>
    public static List<string> QrCodes(string path)
    {
        var folder = Directory.CreateTempSubdirectory("wf-qr-").FullName;
        try
        {
            Run("pdftoppm", [0], "-r", "600", "-f", "1", "-l", "1", "-gray", "-png", path, Path.Combine(folder, "page"));
            var png = Directory.GetFiles(folder, "*.png").Single();
            return Run("zbarimg", [0, 4], "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static string Run(string tool, int[] ok, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(ok.Contains(process.ExitCode), $"{tool} exited {process.ExitCode}: {error}");
        return text.Result;
    }
}
