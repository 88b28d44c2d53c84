using System.Diagnostics;
using System.Text.Json.Nodes;
using Workflows.Documents.Fonts;
using Workflows.Documents.Pdf;
using Workflows.Documents.Rendering;

namespace Workflows.Documents.Tests;

/// <summary>The repository's folders, the renderer over them, and the poppler / zbar tools the tests read PDFs with.</summary>
public static class Support
{
    public static readonly string RepoRoot = FindRoot();
    public static readonly string Templates = Path.Combine(RepoRoot, "templates");
    public static readonly string Definitions = Path.Combine(RepoRoot, "definitions");

    public static readonly FontSet Fonts = FontSet.Discover();

    public static DocumentRenderer Renderer(string? templates = null) =>
        new(new TemplateStore(templates ?? Templates, Definitions), Fonts, new PdfSharpWriter());

    public static JsonObject Sample(string id) => TemplateStore.Sample(Path.Combine(Templates, id + ".sbn"));

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !File.Exists(Path.Combine(dir, "Workflows.sln"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new InvalidOperationException("Workflows.sln not found above the test folder");
    }

    /// <summary>A temporary folder removed at dispose.</summary>
    public sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("wf-docs-").FullName;
        public string File(string name) => System.IO.Path.Combine(Path, name);
        public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
    }

    public static string WritePdf(TempFolder folder, byte[] pdf, string name = "doc.pdf")
    {
        var path = folder.File(name);
        System.IO.File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>Runs a tool; returns its standard output, failing the test when it exits non-zero.</summary>
    public static string Run(string tool, params string[] args) => Run(tool, [0], args);

    /// <summary>Runs a tool that may also exit with one of <paramref name="okCodes"/> (zbarimg exits 4 when an image has no code).</summary>
    public static string Run(string tool, int[] okCodes, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(okCodes.Contains(process.ExitCode), $"{tool} {string.Join(' ', args)} exited {process.ExitCode}: {error}");
        return output.Result;
    }

    /// <summary>The text of a PDF in reading order (pdftotext -layout off), white space removed, for order checks.</summary>
    public static string Text(string pdf) => Run("pdftotext", "-enc", "UTF-8", pdf, "-");

    public static string Compact(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}

/// <summary>A throwaway templates folder holding one template, rendered like the real ones.</summary>
public sealed class ScratchTemplate : IDisposable
{
    private readonly Support.TempFolder _folder = new();

    public ScratchTemplate(string template, JsonObject? sample = null)
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "templates", "notices"));
        TemplatePath = Path.Combine(_folder.Path, "templates", "notices", "scratch.sbn");
        System.IO.File.WriteAllText(TemplatePath, template);
        System.IO.File.WriteAllText(Path.ChangeExtension(TemplatePath, null) + ".sample.json", (sample ?? new JsonObject()).ToJsonString());
        Renderer = new DocumentRenderer(new TemplateStore(Path.Combine(_folder.Path, "templates"), Support.Definitions), Support.Fonts, new PdfSharpWriter());
    }

    public string TemplatePath { get; }
    public DocumentRenderer Renderer { get; }

    public RenderedDocument Render(JsonObject? data = null, RenderOptions? options = null) => Renderer.Render("notices/scratch", data, options);

    public string WritePdf(RenderedDocument document, string name = "scratch.pdf") => Support.WritePdf(_folder, document.Pdf, name);

    public string File(string name) => _folder.File(name);

    public void Dispose() => _folder.Dispose();
}
