using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

/// <summary>One entry of an item's checklist (申请材料).</summary>
[Label("材料")]
public sealed class Material
{
    [Required, Id, Label("标识")] public string Id { get; set; } = "";
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Required, Label("材料形式")] public MaterialKind Kind { get; set; }
    [Required, Label("材料载体")] public MaterialForm Form { get; set; }
    [Label("份数")] public int? Copies { get; set; }
    [Label("纸张规格")] public string? PaperSize { get; set; }
    [Required, SelfDescribing, Label("必要性")] public Necessity Necessity { get; set; }
    [Label("容缺补交期限")] public Duration? DeferralLimit { get; set; }
    [Label("可告知承诺")] public bool? Pledge { get; set; }
    [Required, Label("来源渠道")] public MaterialSource Source { get; set; }
    [Label("来源说明")] public string? SourceNote { get; set; }
    [Label("电子证照类型")] public string? License { get; set; }
    [Script, Label("适用条件")] public string? When { get; set; }
    [Label("受理标准")] public string? Standard { get; set; }
    [Label("空白表格")] public string? BlankForm { get; set; }
    [Label("示例样表")] public string? Sample { get; set; }
    [Label("填报须知")] public string? FillingNotes { get; set; }
    [Label("要求提供依据")] public string? Basis { get; set; }
}

public enum MaterialKind
{
    [Label("原件")] Original,
    [Label("复印件")] Copy,
    [Label("原件和复印件")] OriginalAndCopy,
    [Label("原件或复印件")] OriginalOrCopy,
}

public enum MaterialForm
{
    [Label("纸质")] Paper,
    [Label("电子")] Electronic,
    [Label("纸质和电子")] Both,
}

public enum Necessity
{
    [Label("必要")] Required,
    [Label("非必要")] Optional,
    [Label("容缺")] Deferrable,
}

public enum MaterialSource
{
    [Label("申请人自备")] Applicant,
    [Label("政府部门核发")] Government,
    [Label("电子证照库调取")] ELicense,
    [Label("在线填报")] OnlineForm,
    [Label("其他")] Other,
}
