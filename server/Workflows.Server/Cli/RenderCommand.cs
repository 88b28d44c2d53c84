using System.CommandLine;
using System.Globalization;
using Workflows.Documents.Layout;
using Workflows.Documents.Rendering;
using Workflows.Server.Documents;

namespace Workflows.Server.Cli;

/// <summary>
/// <c>workflows render TEMPLATE [--data FILE] --out FILE.pdf [--overprint] [--offset DX,DY]</c>: renders a
/// template (an id such as <c>notices/acceptance</c>, or a path to a .sbn file) with its sample data or
/// the given data, prints the warnings (fonts), and exits 1 with a located error on a broken template.
/// </summary>
public static class RenderCommand
{
    public static Command Create()
    {
        var template = new Argument<string>("TEMPLATE") { Description = "模板标识（如 notices/acceptance）或 .sbn 文件路径 (template id or .sbn file)" };
        var data = new Option<string?>("--data") { Description = "数据 JSON 文件，默认为模板旁的样例数据 NAME.sample.json (data JSON file; default: the template's sample data)" };
        var output = new Option<string>("--out") { Description = "输出的 PDF 文件 (output PDF file)", Required = true };
        var templates = new Option<string>("--templates") { Description = "模板目录 (templates folder)", DefaultValueFactory = _ => "templates" };
        var definitions = new Option<string>("--definitions") { Description = "定义目录（印章图片） (definitions folder, for the seals)", DefaultValueFactory = _ => "definitions" };
        var overprint = new Option<bool>("--overprint") { Description = "套打：不打印 print=\"false\" 的底图 (overprint: leave out the background marked print=false)" };
        var offset = new Option<string?>("--offset") { Description = "打印机校准偏移（毫米）：右移,下移，如 0.8,-0.5 (printer calibration offset in mm: right,down)" };
        var command = new Command("render", "把模板渲染为 PDF (render a template to PDF)") { template, data, output, templates, definitions, overprint, offset };
        command.SetAction(result =>
        {
            var (dx, dy) = (0.0, 0.0);
            if (result.GetValue(offset) is { } text)
            {
                var parts = text.Split(',');
                if (parts.Length != 2 || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out dx)
                    || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out dy))
                {
                    Console.Error.WriteLine($"--offset 应为“右移,下移”毫米数，如 0.8,-0.5，而不是 '{text}'");
                    return CliApp.BadUsage;
                }
            }
            try
            {
                DocumentService.UseFonts(Hosting.ServerOptionsBinder.Fonts());
                var renderer = DocumentService.For(result.GetValue(templates)!, result.GetValue(definitions)!);
                var input = result.GetValue(data) is { } file ? TemplateStore.ReadData(file) : null;
                var options = new RenderOptions(result.GetValue(overprint) ? OutputMode.Overprint : OutputMode.Electronic, dx, dy);
                var rendered = renderer.Render(result.GetValue(template)!, input, options);
                var target = result.GetValue(output)!;
                File.WriteAllBytes(target, rendered.Pdf);
                foreach (var warning in rendered.Warnings) Console.Error.WriteLine($"警告 (warning): {warning}");
                Console.WriteLine($"{target}: {rendered.PageCount} 页 ({rendered.PageCount} pages), {rendered.Pdf.Length / 1024.0:0.#} KB");
                return CliApp.Ok;
            }
            catch (DocumentException e)
            {
                return CliApp.Fail($"渲染失败 (render failed): {e}");
            }
        });
        return command;
    }
}
