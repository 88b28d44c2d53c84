using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Mapping;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Tests;

public class CanonicalFormTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Definitions, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(RepoPaths.Definitions, file).Replace('\\', '/'));
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void SampleFile_IsCanonical_SoLoadingAndSavingIsByteIdentical(string relative)
    {
        var (text, model) = Load(Path.Combine(RepoPaths.Definitions, relative), relative);

        Assert.Equal(text, DefinitionFile.Format(model));
    }

    [Fact]
    public void Format_IsIdempotent_OnANonCanonicalFile()
    {
        const string messy = "name: 教师资格认定\nid: x\n";
        var kind = FileKind.Roles;
        var bag = new DiagnosticBag();
        var model = DefinitionFile.Parse(kind, "- scope: window\n  name: '窗口受理人员'\n  id: clerk\n", "roles.yaml", new SourceMap(), bag)!;

        var once = DefinitionFile.Format(model);
        var twice = DefinitionFile.Format(DefinitionFile.Parse(kind, once, "roles.yaml", new SourceMap(), bag)!);

        Assert.Empty(bag.Items);
        Assert.Equal("- id: clerk\n  name: 窗口受理人员\n  scope: window\n", once);
        Assert.Equal(once, twice);
        Assert.NotEqual(messy, once);
    }

    // One field changed through the model changes only that field's lines, in every file type.
    public static TheoryData<string, string> OneFieldEdits() => new()
    {
        { "office.yaml", "complaint-phone" },
        { "departments.yaml", "phone" },
        { "windows.yaml", "location" },
        { "roles.yaml", "note" },
        { "calendars/2026.yaml", "source" },
        { "items/teacher-qualification/guide.yaml", "promised" },
        { "items/teacher-qualification/materials.yaml", "necessity" },
        { "items/teacher-qualification/form.yaml", "max-length" },
        { "items/teacher-qualification/workflow.yaml", "role" },
    };

    [Theory]
    [MemberData(nameof(OneFieldEdits))]
    public void ChangingOneField_ChangesOnlyThatFieldsLine(string relative, string key)
    {
        var (text, model) = Load(Path.Combine(RepoPaths.Definitions, relative), relative);

        Edit(model, key);
        var after = DefinitionFile.Format(model);

        var before = text.Split('\n');
        var lines = after.Split('\n');
        Assert.Equal(before.Length, lines.Length);
        var changed = Enumerable.Range(0, before.Length).Where(i => before[i] != lines[i]).ToList();
        var line = Assert.Single(changed);
        Assert.StartsWith(key + ":", lines[line].TrimStart(' ', '-'));
    }

    private static (string Text, object Model) Load(string path, string relative)
    {
        var bag = new DiagnosticBag();
        var text = File.ReadAllText(path);
        var model = DefinitionFile.Parse(FileKind.ForPath(relative)!, text, path, new SourceMap(), bag);
        Assert.DoesNotContain(bag.Items, d => d.IsError);
        return (text, model!);
    }

    private static void Edit(object model, string key)
    {
        switch (model, key)
        {
            case (Office office, _): office.ComplaintPhone = "0464-12345"; break;
            case (List<Department> departments, _): departments[1].Phone = "0464-8000000"; break;
            case (List<Window> windows, _): windows[0].Location = "政务服务中心二楼B区1号窗口"; break;
            case (List<Role> roles, _): roles.First(r => r.Note is not null).Note = "负责收件与受理"; break;
            case (CalendarFile calendar, _): calendar.Source = "国务院办公厅通知"; break;
            case (Guide guide, _): guide.Limits.Promised = Duration.WorkingDays(guide.Limits.Promised.Value - 1); break;
            case (List<Material> materials, _):
                var material = materials.First(m => m.Necessity == Necessity.Required);
                material.Necessity = Necessity.Optional;
                break;
            case (Form form, _): form.Fields.First(f => f.MaxLength is not null).MaxLength += 1; break;
            case (Workflow workflow, _): workflow.Steps.First(s => s.By?.Role == "reviewer").By!.Role = "head"; break;
            default: throw new InvalidOperationException(key);
        }
    }
}
