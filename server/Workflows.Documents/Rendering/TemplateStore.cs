using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Documents.Images;

namespace Workflows.Documents.Rendering;

/// <summary>
/// The templates folder: a template id (<c>notices/acceptance</c>) is <c>notices/acceptance.sbn</c>
/// with its sample <c>notices/acceptance.sample.json</c>; image paths are looked up under the
/// templates folder first, then under the definitions folder (where the seals are).
/// </summary>
public sealed class TemplateStore(string templatesRoot, string? definitionsRoot = null)
{
    /// <summary>A template file's extension: Scriban.</summary>
    public const string Extension = Workflows.Definitions.Loading.DefinitionLoader.TemplateExtension;

    public string Root { get; } = Path.GetFullPath(templatesRoot);
    public string? DefinitionsRoot { get; } = definitionsRoot is null ? null : Path.GetFullPath(definitionsRoot);

    /// <summary>For a template file at <c>…/templates/notices/x.sbn</c>: the store of its templates folder and the definitions beside it.</summary>
    public static TemplateStore ForTemplateFile(string path)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path)))!;
        return new TemplateStore(root, Path.Combine(Path.GetDirectoryName(root)!, "definitions"));
    }

    public string IdOf(string path) => Path.ChangeExtension(Path.GetRelativePath(Root, Path.GetFullPath(path)), null).Replace('\\', '/');

    /// <summary>The .sbn file of a template id; a path to an existing .sbn file is accepted too.</summary>
    /// <exception cref="DocumentException">WF5004: no such template, or an id leaving the templates folder.</exception>
    public string PathOf(string id)
    {
        if (id.EndsWith(Extension, StringComparison.Ordinal) && File.Exists(id)) return Path.GetFullPath(id);
        var valid = id.Length > 0 && id.Split('/').All(part => part.Length > 0 && part != "." && part != ".." && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        var path = Path.GetFullPath(Path.Combine(Root, id + Extension));
        if (!valid || !path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new DocumentException(DocumentException.UnknownTemplate, $"模板标识无效: '{id}'（如 notices/acceptance）(invalid template id)");
        if (!File.Exists(path)) throw new DocumentException(DocumentException.UnknownTemplate, $"没有模板 '{id}'：{path} 不存在 (template not found)");
        return path;
    }

    public static string SamplePathOf(string templatePath) => Path.ChangeExtension(templatePath, null) + ".sample.json";

    /// <summary>The sample data beside a template.</summary>
    /// <exception cref="DocumentException">WF5005: missing or not a JSON object.</exception>
    public static JsonObject Sample(string templatePath)
    {
        var path = SamplePathOf(templatePath);
        if (!File.Exists(path)) throw new DocumentException(DocumentException.BadData, $"模板旁没有样例数据 {Path.GetFileName(path)} (no sample data)", path, 1, 1);
        return ReadData(path);
    }

    public static JsonObject ReadData(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new DocumentException(DocumentException.BadData, "数据应为 JSON 对象 (the data must be a JSON object)", path, 1, 1);
        }
        catch (JsonException e)
        {
            throw new DocumentException(DocumentException.BadData, $"数据不是有效的 JSON: {e.Message}", path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1);
        }
        catch (IOException e) { throw new DocumentException(DocumentException.BadData, $"无法读取数据: {e.Message}", path); }
    }

    /// <summary>An image by its relative path, or null when neither folder has it.</summary>
    public ImageData? Image(string relative)
    {
        if (Path.IsPathRooted(relative) || relative.Split('/', '\\').Contains("..")) return null;
        foreach (var root in new[] { Root, DefinitionsRoot })
        {
            if (root is null) continue;
            var path = Path.Combine(root, relative);
            if (File.Exists(path)) return ImageData.Load(path);
        }
        return null;
    }
}
