using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

[Label("角色")]
public sealed class Role
{
    [Required, Id, Label("标识")] public string Id { get; set; } = "";
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Required, Label("范围")] public RoleScope Scope { get; set; }
    [Label("说明")] public string? Note { get; set; }
}

public enum RoleScope
{
    [Label("窗口")] Window,
    [Label("部门")] Department,
    [Label("大厅")] Office,
}
