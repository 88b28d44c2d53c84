using System.Diagnostics;

namespace Workflows.Server.Tests;

/// <summary>Reads PDFs the server wrote with poppler's pdftotext.</summary>
public static class Pdf
{
    public static string Text(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-enc", "UTF-8", path, "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
