using System.CommandLine;
using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows fmt [DIR] [--check]</c>: rewrites every definition file in canonical form, or with
/// <c>--check</c> lists the files that are not and exits 1. A file with structural errors is never
/// rewritten, because writing it would drop what could not be read.
/// </summary>
public static class FmtCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "定义目录或单个文件 (definitions folder or one file)", DefaultValueFactory = _ => "definitions" };
        var check = new Option<bool>("--check") { Description = "只检查，不写入；有未规范的文件时退出码为 1 (check only; exit code 1 when a file is not canonical)" };
        var command = new Command("fmt", "按规范格式重写定义文件 (write definition files in canonical form)") { dir, check };
        command.SetAction(result => Run(result.GetValue(dir)!, result.GetValue(check)));
        return command;
    }

    public static int Run(string target, bool checkOnly)
    {
        var (root, files) = Files(target);
        if (files.Count == 0) return CliApp.Fail($"{target}: 没有找到定义文件 (no definition files)");
        int changed = 0, broken = 0;
        foreach (var path in files)
        {
            var kind = FileKind.ForPath(Path.GetRelativePath(root, path).Replace('\\', '/'))!;
            var diagnostics = new DiagnosticBag();
            var text = DefinitionFile.ReadText(path, diagnostics);
            var model = text is null ? null : DefinitionFile.Parse(kind, text, path, new SourceMap(), diagnostics);
            if (model is null || diagnostics.Items.Any(d => d.IsError && d.Code.StartsWith("WF10", StringComparison.Ordinal)))
            {
                foreach (var d in diagnostics.Sorted().Where(d => d.IsError)) Console.Error.WriteLine(d);
                broken++;
                continue;
            }
            var canonical = DefinitionFile.Format(model);
            if (canonical == text) continue;
            changed++;
            if (checkOnly) Console.WriteLine($"{path}: 不是规范格式 (not canonical)");
            else
            {
                File.WriteAllText(path, canonical, new System.Text.UTF8Encoding(false));
                Console.WriteLine($"{path}: 已重写 (formatted)");
            }
        }
        Console.WriteLine($"{files.Count} 个文件，{changed} 个{(checkOnly ? "需要" : "已")}重写，{broken} 个无法读取");
        return broken > 0 || (checkOnly && changed > 0) ? CliApp.Failed : CliApp.Ok;
    }

    /// <summary>The definition files under <paramref name="target"/>, or the single file it names (its root found from the path).</summary>
    private static (string Root, List<string> Files) Files(string target)
    {
        if (File.Exists(target))
        {
            var full = Path.GetFullPath(target);
            for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
                if (FileKind.ForPath(Path.GetRelativePath(dir, full).Replace('\\', '/')) is not null) return (dir, [full]);
            return (".", []);
        }
        if (!Directory.Exists(target)) return (target, []);
        var files = Directory.EnumerateFiles(target, "*.yaml", SearchOption.AllDirectories)
            .Where(f => FileKind.ForPath(Path.GetRelativePath(target, f).Replace('\\', '/')) is not null)
            .Order(StringComparer.Ordinal).ToList();
        return (target, files);
    }
}
