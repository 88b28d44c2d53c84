using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

/// <summary>
/// 告知承诺 (国办发〔2020〕42号) as the guide publishes it: which proofs the applicant may replace by a
/// written pledge, and how the office checks the pledge afterwards. Only materials marked
/// <c>pledge: true</c> in the checklist may be listed; the check period is the office's setting.
/// </summary>
[Label("告知承诺")]
public sealed class PledgeScheme
{
    [Required, Label("可承诺的材料", "材料清单中标为可告知承诺（pledge: true）的材料标识")] public List<string> Materials { get; set; } = [];
    [Required, Label("核查方式")] public PledgeCheckMethod Check { get; set; }
    [Label("依据", "实行告知承诺的文件")] public string? Basis { get; set; }
}

/// <summary>事后核查 methods named by 国办发〔2020〕42号.</summary>
public enum PledgeCheckMethod
{
    [Label("书面核查")] Written,
    [Label("网络核验")] Online,
    [Label("实地调查")] OnSite,
    [Label("公示核查")] Public,
}
