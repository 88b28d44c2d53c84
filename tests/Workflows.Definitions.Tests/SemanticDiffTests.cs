using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Diff;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Tests;

public class SemanticDiffTests
{
    private static List<string> DiffAfter(Action<RepoPaths.SampleCopy> edit, out List<FileChanges> files)
    {
        using var copy = new RepoPaths.SampleCopy();
        edit(copy);
        files = DefinitionDiff.CompareTrees(RepoPaths.Definitions, copy.Definitions);
        return files.SelectMany(f => f.Changes).ToList();
    }

    private static void Replace(RepoPaths.SampleCopy copy, string relative, string from, string to)
    {
        var path = copy.PathOf(relative);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    [Fact]
    public void IdenticalTrees_HaveNoChanges()
    {
        var changes = DiffAfter(_ => { }, out _);

        Assert.Empty(changes);
    }

    [Fact]
    public void PromisedLimit_IsShownAsNumbersWithTheUnit()
    {
        var changes = DiffAfter(c => Replace(c, "items/teacher-qualification/guide.yaml", "  promised: 15wd", "  promised: 12wd"), out var files);

        Assert.Equal(["承诺时限: 15 → 12 工作日"], changes);
        Assert.Equal("items/teacher-qualification/guide.yaml", Assert.Single(files).Path);
    }

    [Fact]
    public void Necessity_IsShownByMaterialName_InChinese()
    {
        var materials = File.ReadAllText(Path.Combine(RepoPaths.Definitions, "items/teacher-qualification/materials.yaml"));
        var nameLine = materials.Split('\n').First(l => l.StartsWith("  name: "));
        var name = nameLine["  name: ".Length..];

        var changes = DiffAfter(c =>
        {
            var path = c.PathOf("items/teacher-qualification/materials.yaml");
            var text = File.ReadAllText(path);
            var at = text.IndexOf("necessity: required", StringComparison.Ordinal);
            File.WriteAllText(path, text[..at] + "necessity: optional" + text[(at + "necessity: required".Length)..]);
        }, out _);

        Assert.Equal([$"材料 {name}: 必要 → 非必要"], changes);
    }

    [Fact]
    public void Assignee_IsShownAsDepartmentSlashRole()
    {
        var changes = DiffAfter(c =>
        {
            var path = c.PathOf("items/teacher-qualification/workflow.yaml");
            var text = File.ReadAllText(path);
            var at = text.IndexOf("role: reviewer", StringComparison.Ordinal);
            File.WriteAllText(path, text[..at] + "role: head" + text[(at + "role: reviewer".Length)..]);
        }, out _);

        var change = Assert.Single(changes);
        Assert.Matches(@"^步骤 [a-z-]+: 办理人 education/reviewer → education/head$", change);
    }

    [Fact]
    public void AddedMaterial_AndRemovedFaq_AreNamed()
    {
        var changes = DiffAfter(c =>
        {
            File.AppendAllText(c.PathOf("items/teacher-qualification/materials.yaml"),
                "- id: photo\n  name: 近期免冠证件照\n  kind: original\n  form: paper\n  necessity: required\n  source: applicant\n");
            Replace(c, "items/teacher-qualification/guide.yaml", "faq:\n", "faq:\n  - question: 新问题\n    answer: 新答案\n");
        }, out _);

        Assert.Contains("新增材料 近期免冠证件照", changes);
        Assert.Contains("新增常见问题 新问题", changes);
    }

    [Fact]
    public void AddedFile_IsReportedAsAdded()
    {
        var changes = DiffAfter(c => File.WriteAllText(c.PathOf("calendars/2027.yaml"), "year: 2027\n"), out var files);

        Assert.Equal("新增工作日历文件", Assert.Single(changes));
        Assert.Equal("calendars/2027.yaml", Assert.Single(files).Path);
    }

    [Fact]
    public void ReorderedSteps_ReadAsAReorder_NotAsChangesOfEveryStep()
    {
        var changes = DiffAfter(c =>
        {
            var path = c.PathOf("items/teacher-qualification/workflow.yaml");
            var workflow = (Workflow)DefinitionFile.Parse(FileKind.Workflow, File.ReadAllText(path), path, new SourceMap(), new DiagnosticBag())!;
            (workflow.Steps[^1], workflow.Steps[^2]) = (workflow.Steps[^2], workflow.Steps[^1]);
            File.WriteAllText(path, DefinitionFile.Format(workflow));
        }, out _);

        Assert.Equal(["步骤: 顺序调整"], changes);
    }
}
