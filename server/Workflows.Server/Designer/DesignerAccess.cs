using Workflows.Server.Auth;

namespace Workflows.Server.Designer;

/// <summary>
/// Who may do what in the designer. Administrators: everything (every item's four files, templates,
/// create, duplicate, publish everything). A department editor: sees its own department's items
/// (all four files, read-only for form and workflow, so its checklist conditions can be completed
/// against the form), edits and publishes only their guide and materials, and retires or reinstates
/// them (a guide change). Forms and workflows are the administrator's: they change what clerks and
/// reviewers do, across departments. Everyone else: 403; not signed in: 401.
/// </summary>
public static class DesignerAccess
{
    /// <summary>The item files a department editor may change.</summary>
    public static readonly IReadOnlySet<string> DepartmentEditorFiles = new HashSet<string>(StringComparer.Ordinal) { "guide", "materials" };

    public static bool MayDesign(CurrentUser user) => user.IsAdmin || IsEditor(user);

    /// <summary>Sees the item (listed, readable): admins all, editors their department's.</summary>
    public static bool MaySee(CurrentUser user, string? department) =>
        user.IsAdmin || (IsEditor(user) && department is not null && department == user.Department);

    /// <summary>May save <paramref name="file"/> (guide, materials, form, workflow) of an item of <paramref name="department"/>.</summary>
    public static bool MayEdit(CurrentUser user, string? department, string file) =>
        user.IsAdmin || (MaySee(user, department) && DepartmentEditorFiles.Contains(file));

    /// <summary>Creating and duplicating items, editing templates and shared files: administrators.</summary>
    public static bool MayManageCatalog(CurrentUser user) => user.IsAdmin;

    private static bool IsEditor(CurrentUser user) => user.Is(Roles.DepartmentEditor) && user.Department is not null;
}
