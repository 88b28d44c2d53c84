using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

[Label("窗口")]
public sealed class Window
{
    [Required, Id, Label("标识")] public string Id { get; set; } = "";
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Required, Label("类型")] public WindowKind Kind { get; set; }
    [Label("受理模式")] public WindowMode? Mode { get; set; }
    [Ref(RefKind.Department), Label("受理部门")] public List<string> Departments { get; set; } = [];
    [Label("位置")] public string? Location { get; set; }
    [Label("联系电话", "窗口文书上经办人的联系电话")] public string? Phone { get; set; }
}

public enum WindowKind
{
    [Label("综合受理窗口")] Comprehensive,
    [Label("统一出件窗口")] Issuance,
    [Label("部门窗口")] Department,
}

public enum WindowMode
{
    [Label("派驻")] Stationed,
    [Label("委托")] Delegated,
}
