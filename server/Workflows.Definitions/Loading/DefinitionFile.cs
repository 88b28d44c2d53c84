using System.Text;
using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Yaml;

namespace Workflows.Definitions.Loading;

/// <summary>Reads one definition file into its model and writes a model back in canonical form.</summary>
public static class DefinitionFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <paramref name="text"/> as a file of <paramref name="kind"/>; null when it cannot be read at all.</summary>
    public static object? Parse(FileKind kind, string text, string path, SourceMap sources, DiagnosticBag diagnostics)
    {
        var root = YamlReader.Read(text, path, diagnostics);
        if (root is null)
        {
            if (!diagnostics.Items.Any(d => d.Location.File == path))
                diagnostics.Error(DiagnosticCodes.EmptyFile, SourceLocation.StartOf(path), $"{kind.Label}文件为空 (the file is empty)");
            return null;
        }
        return new ModelReader(path, sources, diagnostics).ReadRoot(kind.ModelType, root);
    }

    /// <summary>Reads a file as strict UTF-8 (a BOM is accepted); null with a diagnostic when it cannot be read.</summary>
    public static string? ReadText(string path, DiagnosticBag diagnostics)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceLocation.StartOf(path), "文件不是 UTF-8 编码 (the file is not valid UTF-8)");
        }
        catch (IOException e)
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, SourceLocation.StartOf(path), $"无法读取文件: {e.Message}");
        }
        return null;
    }

    /// <summary>The canonical text of a model: what <c>workflows fmt</c> writes and the designer saves.</summary>
    public static string Format(object model) => YamlWriter.Write(ModelWriter.ToTree(model));
}
