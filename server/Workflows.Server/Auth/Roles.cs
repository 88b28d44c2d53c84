namespace Workflows.Server.Auth;

/// <summary>The account roles (DOMAIN glossary). An account may hold several.</summary>
public static class Roles
{
    /// <summary>管理员: everything, including accounts and every department's definitions.</summary>
    public const string Admin = "admin";
    /// <summary>部门事项编辑: edits its department's guides and materials; sees no cases.</summary>
    public const string DepartmentEditor = "department-editor";
    /// <summary>窗口人员: intake at its window (and issuance at the issuance window).</summary>
    public const string Clerk = "clerk";
    /// <summary>审查人员: its department's review tasks.</summary>
    public const string Reviewer = "reviewer";
    /// <summary>部门负责人: decisions, extensions, suspensions of its department.</summary>
    public const string Head = "head";
    /// <summary>监督人员 (效能监督): reads every case, warnings and overdue lists; changes nothing.</summary>
    public const string Supervisor = "supervisor";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
        { Admin, DepartmentEditor, Clerk, Reviewer, Head, Supervisor };
}

/// <summary>
/// On a property listing roles: the OpenAPI document names the six roles (Api/OpenApiContracts.cs), so the
/// web UI's generated type is their union.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RoleNamesAttribute() : System.ComponentModel.DataAnnotations.AllowedValuesAttribute(
    Roles.Admin, Roles.DepartmentEditor, Roles.Clerk, Roles.Reviewer, Roles.Head, Roles.Supervisor);
