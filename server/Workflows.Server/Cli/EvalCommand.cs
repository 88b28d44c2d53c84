using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Validation;
using Workflows.Scripting;

namespace Workflows.Server.Cli;

/// <summary><c>workflows eval EXPR [--data FILE]</c>: runs one script expression in the sandbox and prints the result as JSON.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var expression = new Argument<string>("EXPR") { Description = "脚本表达式，如 \"idcard.valid('11010519491231002X')\" (a script expression)" };
        var data = new Option<string?>("--data") { Description = "样例数据 JSON 文件：{ \"applicant\": {...}, \"form\": {...}, \"materials\": {...} } (sample data JSON file)" };
        var definitions = new Option<string>("--definitions") { Description = "定义目录（读取工作日历） (definitions folder, for the calendar)", DefaultValueFactory = _ => "definitions" };
        var command = new Command("eval", "在沙箱中试算脚本表达式 (evaluate a script expression)") { expression, data, definitions };
        command.SetAction(result =>
        {
            JsonObject? input = null;
            if (result.GetValue(data) is { } file)
            {
                try { input = JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new JsonException("顶层必须是 JSON 对象 (the top level must be an object)"); }
                catch (Exception e) when (e is JsonException or IOException)
                {
                    return CliApp.Fail($"{file}: 无法读取样例数据: {e.Message}");
                }
            }
            var calendars = DefinitionLoader.LoadCalendars(result.GetValue(definitions)!, new Definitions.Mapping.SourceMap(), new DiagnosticBag());
            var sandbox = new ScriptSandbox(CalendarRules.Build(calendars), () => DateOnly.FromDateTime(DateTime.Now));
            try
            {
                var value = sandbox.Evaluate(result.GetValue(expression)!, input);
                Console.WriteLine(value?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null");
                return CliApp.Ok;
            }
            catch (ScriptException e)
            {
                var at = e.Line is { } line ? $"{line}:{e.Column}: " : "";
                return CliApp.Fail($"{at}error {e.Code}: {e.Message}");
            }
        });
        return command;
    }
}
