using Workflows.Definitions.Model;

namespace Workflows.Definitions.Loading;

/// <summary>The kinds of definition file: where each lives, what model it holds, which JSON Schema checks it.</summary>
public sealed record FileKind(string Name, string Glob, Type ModelType, string Label)
{
    public static readonly FileKind Office = new("office", "office.yaml", typeof(Office), "办事大厅");
    public static readonly FileKind Departments = new("departments", "departments.yaml", typeof(List<Department>), "部门");
    public static readonly FileKind Windows = new("windows", "windows.yaml", typeof(List<Window>), "窗口");
    public static readonly FileKind Roles = new("roles", "roles.yaml", typeof(List<Role>), "角色");
    public static readonly FileKind Calendar = new("calendar", "calendars/*.yaml", typeof(CalendarFile), "工作日历");
    public static readonly FileKind Guide = new("guide", "items/*/guide.yaml", typeof(Guide), "办事指南");
    public static readonly FileKind Materials = new("materials", "items/*/materials.yaml", typeof(List<Material>), "申请材料");
    public static readonly FileKind Form = new("form", "items/*/form.yaml", typeof(Form), "申请表");
    public static readonly FileKind Workflow = new("workflow", "items/*/workflow.yaml", typeof(Workflow), "办理流程");

    public static readonly IReadOnlyList<FileKind> All = [Office, Departments, Windows, Roles, Calendar, Guide, Materials, Form, Workflow];

    /// <summary>The four files of an item folder, by file name.</summary>
    public static readonly IReadOnlyDictionary<string, FileKind> ItemFiles = new Dictionary<string, FileKind>
    {
        ["guide.yaml"] = Guide, ["materials.yaml"] = Materials, ["form.yaml"] = Form, ["workflow.yaml"] = Workflow,
    };

    /// <summary>Which kind a path (relative to the definitions root, with / separators) is, or null.</summary>
    public static FileKind? ForPath(string relative)
    {
        var parts = relative.Replace('\\', '/').Split('/');
        return parts switch
        {
            ["office.yaml"] => Office,
            ["departments.yaml"] => Departments,
            ["windows.yaml"] => Windows,
            ["roles.yaml"] => Roles,
            ["calendars", var f] when f.EndsWith(".yaml") => Calendar,
            ["items", _, var f] => ItemFiles.GetValueOrDefault(f),
            _ => null,
        };
    }
}
