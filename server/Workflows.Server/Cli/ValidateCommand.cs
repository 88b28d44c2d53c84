using System.CommandLine;
using Workflows.Definitions.Diagnostics;
using Workflows.Server.Hosting;

namespace Workflows.Server.Cli;

/// <summary><c>workflows validate [DIR]</c>: every problem as <c>path:line:col: error WF1234: message</c>; exit 1 on any error.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var dir = new Argument<string>("DIR") { Description = "定义目录 (definitions folder)", DefaultValueFactory = _ => "definitions" };
        var templates = new Option<string?>("--templates") { Description = "模板目录，默认为定义目录旁的 templates (templates folder; default: templates beside the definitions)" };
        var warningsAsErrors = new Option<bool>("--strict") { Description = "警告也视为错误 (warnings fail too)" };
        var command = new Command("validate", "校验定义文件 (validate definition files)") { dir, templates, warningsAsErrors };
        command.SetAction(result =>
        {
            var set = DefinitionPipeline.LoadAndValidate(result.GetValue(dir)!, result.GetValue(templates), DefinitionPipeline.Today());
            var diagnostics = set.Diagnostics.Sorted();
            foreach (var d in diagnostics) (d.IsError ? Console.Error : Console.Out).WriteLine(d);
            var errors = diagnostics.Count(d => d.IsError);
            var warnings = diagnostics.Count - errors;
            Console.WriteLine($"{set.Items.Count} 个事项，{errors} 个错误，{warnings} 个警告 ({set.Items.Count} items, {errors} errors, {warnings} warnings)");
            return errors > 0 || (result.GetValue(warningsAsErrors) && warnings > 0) ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }
}
