using System.CommandLine;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Schema;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows schema [DEFINITIONS] [--check] [--out DIR]</c>: writes (or with --check only compares)
/// the JSON Schemas of every file kind, generated from the model. The argument is always the
/// definitions folder (the schemas live in its <c>.schemas</c>); another target is named by --out,
/// so <c>schema definitions --check</c> checks and never treats "definitions" as where to write.
/// </summary>
public static class SchemaCommand
{
    public const string Folder = ".schemas";

    public static Command Create()
    {
        var definitions = new Argument<string>("DEFINITIONS") { Description = "定义目录，schema 在其中的 .schemas 下 (definitions folder)", DefaultValueFactory = _ => "definitions" };
        var check = new Option<bool>("--check") { Description = "只检查 schema 是否最新，不写文件 (check only, write nothing)" };
        var output = new Option<string?>("--out") { Description = "写入或检查的目录，默认 DEFINITIONS/.schemas (schema folder)" };
        var command = new Command("schema", "生成定义文件的 JSON Schema (write the JSON Schemas)") { definitions, check, output };
        command.SetAction(result =>
        {
            var target = TargetOf(result.GetValue(definitions)!, result.GetValue(output));
            var checking = result.GetValue(check);
            if (checking && !Directory.Exists(target))
            {
                Console.Error.WriteLine($"error WF6090: schema 目录不存在：{target} (no schema folder)");
                return CliApp.Failed;
            }
            if (!checking) Directory.CreateDirectory(target);
            var stale = 0;
            foreach (var kind in FileKind.All.DistinctBy(k => k.Name))
            {
                var path = Path.Combine(target, JsonSchemaGenerator.FileName(kind));
                var text = JsonSchemaGenerator.Generate(kind);
                if (File.Exists(path) && File.ReadAllText(path) == text) continue;
                stale++;
                if (checking) Console.WriteLine($"{path}: 已过期 (out of date)");
                else File.WriteAllText(path, text);
            }
            if (checking) Console.WriteLine(stale == 0 ? $"{target}: schema 均为最新 (up to date)" : $"{stale} 个 schema 已过期，运行 workflows schema 更新 (run workflows schema)");
            else Console.WriteLine($"{target}: 已写入 {stale} 个 schema (written)");
            return checking && stale > 0 ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }

    /// <summary>--out wins; a folder already named .schemas (the old form) is taken as the schema folder itself.</summary>
    internal static string TargetOf(string definitions, string? output) =>
        output ?? (Path.GetFileName(Path.TrimEndingDirectorySeparator(definitions)) == Folder ? definitions : Path.Combine(definitions, Folder));
}
