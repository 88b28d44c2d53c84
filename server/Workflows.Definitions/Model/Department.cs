using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

[Label("部门")]
public sealed class Department
{
    [Required, Id, Label("标识")] public string Id { get; set; } = "";
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Label("简称")] public string? ShortName { get; set; }
    [Required, Label("统一社会信用代码")] public string Uscc { get; set; } = "";
    [Label("地址")] public string? Address { get; set; }
    [Label("电话")] public string? Phone { get; set; }
    [Label("首席代表")] public Contact? ChiefRepresentative { get; set; }
    [Label("机关代字", "部门文书的发文字号前缀，如 桃水 → 桃水许准〔2026〕12号")] public string? DocumentCode { get; set; }
    [Label("印章图片", "相对于定义目录的路径，如 seals/water.png")] public string? Seal { get; set; }
}

[Label("联系人")]
public sealed class Contact
{
    [Required, Label("姓名")] public string Name { get; set; } = "";
    [Label("电话")] public string? Phone { get; set; }
}
