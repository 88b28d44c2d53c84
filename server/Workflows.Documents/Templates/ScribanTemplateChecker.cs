using Workflows.Definitions.Validation;
using Workflows.Documents.Rendering;

namespace Workflows.Documents.Templates;

/// <summary>
/// Checks each template when the definitions load, so a broken template is a located load
/// error, not a failure at the window: it must parse (Scriban's own parser, its line and column);
/// with the sample data beside it, every field it reads must exist in the sample (else a located
/// warning, found on Scriban's syntax tree) and the markup it produces must be valid, with its
/// images found (else a located error).
/// </summary>
public sealed class ScribanTemplateChecker : ITemplateChecker
{
    public IEnumerable<TemplateProblem> Check(string path, string text)
    {
        try
        {
            TemplateRenderer.Parse(text);
        }
        catch (DocumentException e)
        {
            return [new TemplateProblem(e.Message, e.Line, e.Column)];
        }
        var samplePath = TemplateStore.SamplePathOf(path);
        if (!File.Exists(samplePath))
            return [new TemplateProblem($"模板旁缺少样例数据 {Path.GetFileName(samplePath)}，无法检查字段与版式 (no sample data beside the template)", 1, 1, IsWarning: true)];

        var problems = new List<TemplateProblem>();
        try
        {
            var sample = TemplateStore.ReadData(samplePath);
            foreach (var field in FieldChecker.Check(text, sample))
                problems.Add(new TemplateProblem($"字段 {field.Path} 在样例数据中不存在 (field not in the sample data)", field.Line, field.Column, IsWarning: true));
            var store = TemplateStore.ForTemplateFile(path);
            var markup = DocumentRenderer.RenderMarkup(path, text, sample, strict: false);
            DocumentRenderer.Parse(store, path, text, markup);
        }
        catch (DocumentException e)
        {
            var inSample = e.Code == DocumentException.BadData;
            problems.Add(new TemplateProblem(inSample ? $"{Path.GetFileName(samplePath)}: {e.Message}" : e.Message, inSample ? 1 : e.Line, inSample ? 1 : e.Column, IsWarning: inSample));
        }
        return problems;
    }
}
