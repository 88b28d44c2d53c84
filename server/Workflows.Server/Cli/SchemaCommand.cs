using System.CommandLine;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Schema;

namespace Workflows.Server.Cli;

/// <summary><c>workflows schema [DIR] [--check]</c>: writes the JSON Schemas of every file kind (generated from the model).</summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "输出目录", DefaultValueFactory = _ => "definitions/.schemas" };
        var check = new Option<bool>("--check") { Description = "只检查已提交的 schema 是否最新" };
        var command = new Command("schema", "生成定义文件的 JSON Schema (write the JSON Schemas)") { dir, check };
        command.SetAction(result =>
        {
            var target = result.GetValue(dir)!;
            Directory.CreateDirectory(target);
            var stale = 0;
            foreach (var kind in FileKind.All.DistinctBy(k => k.Name))
            {
                var path = Path.Combine(target, JsonSchemaGenerator.FileName(kind));
                var text = JsonSchemaGenerator.Generate(kind);
                if (File.Exists(path) && File.ReadAllText(path) == text) continue;
                stale++;
                if (result.GetValue(check)) Console.WriteLine($"{path}: 已过期 (out of date)");
                else File.WriteAllText(path, text);
            }
            return result.GetValue(check) && stale > 0 ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }
}
