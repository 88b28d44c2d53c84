using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Diff;

/// <summary>The semantic changes of one definition file.</summary>
public sealed record FileChanges(string Path, string Title, IReadOnlyList<string> Changes);

/// <summary>Compares two definition trees (or two versions of one file) file by file, in domain words.</summary>
public static class DefinitionDiff
{
    public static List<FileChanges> CompareTrees(string beforeRoot, string afterRoot)
    {
        var paths = YamlFiles(beforeRoot).Union(YamlFiles(afterRoot)).Order(StringComparer.Ordinal);
        var result = new List<FileChanges>();
        foreach (var relative in paths)
        {
            var before = Path.Combine(beforeRoot, relative);
            var after = Path.Combine(afterRoot, relative);
            var changes = CompareFile(relative, File.Exists(before) ? before : null, File.Exists(after) ? after : null,
                id => ItemName(afterRoot, id) ?? ItemName(beforeRoot, id));
            if (changes is not null) result.Add(changes);
        }
        return result;
    }

    /// <summary>Compares two versions of the file at <paramref name="relative"/>; a null side means added or deleted. Null when nothing changed.</summary>
    /// <param name="itemName">The Chinese name of an item by id, for the title line; the id is shown when unknown.</param>
    public static FileChanges? CompareFile(string relative, string? beforePath, string? afterPath, Func<string, string?>? itemName = null)
    {
        relative = relative.Replace('\\', '/');
        var kind = FileKind.ForPath(relative);
        if (kind is null) return null;
        var before = beforePath is null ? null : Read(kind, beforePath, out var beforeBroken);
        var after = afterPath is null ? null : Read(kind, afterPath, out var afterBroken);
        var title = Title(relative, kind, after ?? before, itemName);
        if (beforePath is null) return new(relative, title, [$"新增{kind.Label}文件"]);
        if (afterPath is null) return new(relative, title, [$"删除{kind.Label}文件"]);
        if (before is null || after is null)
            return new(relative, title, [after is null ? "新版本无法解析，请先运行 workflows validate (the new version does not parse)" : "旧版本无法解析 (the old version does not parse)"]);
        var changes = ModelDiff.Compare(before, after);
        return changes.Count == 0 ? null : new(relative, title, changes);
    }

    public static string Format(IEnumerable<FileChanges> files)
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in files)
        {
            text.Append(file.Path).Append("  ").Append(file.Title).Append('\n');
            foreach (var change in file.Changes) text.Append("  ").Append(change).Append('\n');
        }
        return text.ToString();
    }

    private static object? Read(FileKind kind, string path, out bool broken)
    {
        var diagnostics = new DiagnosticBag();
        var text = DefinitionFile.ReadText(path, diagnostics);
        var model = text is null ? null : DefinitionFile.Parse(kind, text, path, new SourceMap(), diagnostics);
        broken = diagnostics.HasErrors;
        return model;
    }

    // "items/teacher-qualification/materials.yaml  申请材料（事项 教师资格认定）": the reviewer sees which item without opening it.
    private static string Title(string relative, FileKind kind, object? model, Func<string, string?>? itemName)
    {
        if (relative.Split('/') is not ["items", var id, _]) return kind.Label;
        var name = model is Guide guide ? guide.Name : itemName?.Invoke(id);
        return $"{kind.Label}（事项 {name ?? id}）";
    }

    /// <summary>The item's name from <c>items/{id}/guide.yaml</c> under <paramref name="root"/>, if it reads.</summary>
    public static string? ItemName(string root, string id)
    {
        var path = Path.Combine(root, "items", id, "guide.yaml");
        return File.Exists(path) ? Read(FileKind.Guide, path, out _) is Guide guide && guide.Name.Length > 0 ? guide.Name : null : null;
    }

    private static IEnumerable<string> YamlFiles(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Where(f => FileKind.ForPath(f) is not null)
            : [];
}
