using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

/// <summary>办事指南: every element of an item's published guide (DOMAIN.md §2).</summary>
[Label("办事指南")]
public sealed class Guide
{
    [Required, Label("事项名称")] public string Name { get; set; } = "";
    [Required, Label("主项名称")] public string MainItem { get; set; } = "";
    [Label("子项名称")] public string? SubItem { get; set; }
    [Required, Label("业务办理项")] public HandlingCase HandlingCase { get; set; }
    [Required, Label("基本编码")] public string BaseCode { get; set; } = "";
    [Required, Label("实施编码")] public string ImplementationCode { get; set; } = "";
    [Required, Label("事项类型")] public ItemType Type { get; set; }
    [Required, Ref(RefKind.Department), Label("实施主体")] public string Department { get; set; } = "";
    [Label("委托机关")] public Body? DelegatingBody { get; set; }
    [Ref(RefKind.Department), Label("联办机构")] public List<string> JointDepartments { get; set; } = [];
    [Required, Label("行使层级")] public List<Level> Levels { get; set; } = [];
    [Required, Label("设定依据")] public List<Basis> Basis { get; set; } = [];
    [Required, Label("办件类型")] public HandlingType HandlingType { get; set; }
    [Required, Label("办理时限")] public Limits Limits { get; set; } = new();
    [Required, Label("受理条件")] public List<string> AcceptanceConditions { get; set; } = [];
    [Label("特别程序")] public List<ExcludedProcedure> ExcludedProcedures { get; set; } = [];
    [Label("告知承诺", "申请人可选择以书面承诺代替的证明材料及事后核查方式（国办发〔2020〕42号）")] public PledgeScheme? Pledge { get; set; }
    [Required, Label("收费")] public Fee Fee { get; set; } = new();
    [Required, Label("办理流程")] public Process Process { get; set; } = new();
    [Required, Label("到办事现场次数")] public int Visits { get; set; }
    [Label("到现场原因")] public string? VisitsReason { get; set; }
    [Required, Label("网办深度")] public List<OnlineDepth> OnlineDepth { get; set; } = [];
    [Required, Label("服务方式")] public ServiceFlags Service { get; set; } = new();
    [Required, Label("办理地点")] public List<Location> Locations { get; set; } = [];
    [Required, Label("咨询电话")] public string ConsultPhone { get; set; } = "";
    [Required, Label("投诉电话")] public string ComplaintPhone { get; set; } = "";
    [Required, Label("办理结果")] public Result Result { get; set; } = new();
    [Label("数量限制")] public string? QuantityLimit { get; set; }
    [Label("中介服务")] public string? IntermediaryServices { get; set; }
    [Label("常见问题")] public List<Faq> Faq { get; set; } = [];
    [Label("事项状态")] public ItemStatus? Status { get; set; }
    [Label("状态说明")] public string? StatusNote { get; set; }

    /// <summary>A retired item stays in the files (its cases and history remain) but is no longer offered for intake.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public bool IsRetired => Status == ItemStatus.Retired;
}

/// <summary>Whether an item is offered for intake; absent means in service.</summary>
public enum ItemStatus
{
    [Label("在用")] Active,
    [Label("已停用")] Retired,
}

public enum HandlingCase
{
    [Label("新设")] New,
    [Label("变更")] Change,
    [Label("延续")] Renewal,
    [Label("注销")] Cancellation,
    [Label("其他")] Other,
}

public enum ItemType
{
    [Label("行政许可")] Licensing,
    [Label("行政处罚")] Penalty,
    [Label("行政强制")] Enforcement,
    [Label("行政征收")] Levy,
    [Label("行政给付")] Payment,
    [Label("行政检查")] Inspection,
    [Label("行政确认")] Confirmation,
    [Label("行政奖励")] Reward,
    [Label("行政裁决")] Adjudication,
    [Label("其他行政权力")] OtherPower,
    [Label("公共服务")] PublicService,
}

public enum Level
{
    [Label("国家级")] National,
    [Label("省级")] Province,
    [Label("市级")] City,
    [Label("县级")] County,
    [Label("乡镇（街道）")] Town,
    [Label("村（社区）")] Village,
}

public enum HandlingType
{
    [Label("即办件")] Immediate,
    [Label("承诺件")] Promised,
    [Label("上报件")] Reported,
    [Label("联办件")] Joint,
}

[Label("机关")]
public sealed class Body
{
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Label("统一社会信用代码")] public string? Uscc { get; set; }
}

[Label("设定依据")]
public sealed class Basis
{
    [Required, Label("层级")] public BasisKind Kind { get; set; }
    [Required, Label("名称")] public string Title { get; set; } = "";
    [Label("条款")] public string? Article { get; set; }
    [Label("条文")] public string? Text { get; set; }
}

public enum BasisKind
{
    [Label("法律")] Law,
    [Label("行政法规")] AdministrativeRegulation,
    [Label("地方性法规")] LocalRegulation,
    [Label("规章")] Rule,
    [Label("规范性文件")] NormativeDocument,
}

[Label("办理时限")]
public sealed class Limits
{
    [Required, Label("法定时限")] public Duration Statutory { get; set; }
    [Required, Label("承诺时限")] public Duration Promised { get; set; }
    [Label("时限说明")] public string? Note { get; set; }
    /// <summary>
    /// 延期 cap when it differs from 行政许可法 art. 42 (10 working days, 15 for 联办件): a stricter
    /// local cap needs nothing more; a longer one only with the special law that sets it.
    /// </summary>
    [Label("延期")] public ExtensionLimit? Extension { get; set; }
}

/// <summary>How far this item's decision may be extended, and the law that says so (法律、法规另有规定的，依照其规定).</summary>
[Label("延期")]
public sealed class ExtensionLimit
{
    [Required, Label("最长延期")] public Duration Max { get; set; }
    [Label("法律依据")] public string? Basis { get; set; }
}

[Label("特别程序")]
public sealed class ExcludedProcedure
{
    [Required, Label("种类")] public ProcedureKind Kind { get; set; }
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Label("最长时限")] public Duration? Max { get; set; }
    [Required, Label("是否计入时限")] public bool Counted { get; set; }
}

public enum ProcedureKind
{
    [Label("听证")] Hearing,
    [Label("招标")] Tender,
    [Label("拍卖")] Auction,
    [Label("检验")] Testing,
    [Label("检测")] Inspection,
    [Label("检疫")] Quarantine,
    [Label("鉴定")] Appraisal,
    [Label("专家评审")] ExpertReview,
    [Label("其他")] Other,
}

[Label("收费")]
public sealed class Fee
{
    [Required, Label("是否收费")] public bool Charged { get; set; }
    [Label("收费项目")] public List<FeeItem> Items { get; set; } = [];
}

[Label("收费项目")]
public sealed class FeeItem
{
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Required, Label("收费标准")] public string Standard { get; set; } = "";
    [Required, Label("收费依据")] public string Basis { get; set; } = "";
    [Label("减免政策")] public string? Reductions { get; set; }
}

[Label("办理流程")]
public sealed class Process
{
    [Required, Label("窗口办理")] public List<string> Window { get; set; } = [];
    [Label("网上办理")] public List<string> Online { get; set; } = [];
}

public enum OnlineDepth
{
    [Label("咨询")] Consult,
    [Label("收件")] Receive,
    [Label("预审")] PreReview,
    [Label("受理")] Accept,
    [Label("办理")] Handle,
    [Label("结果反馈")] Result,
    [Label("电子证照反馈")] ECertificate,
}

[Label("服务方式")]
public sealed class ServiceFlags
{
    [Label("网上办理")] public bool Online { get; set; }
    [Label("网上支付")] public bool OnlinePayment { get; set; }
    [Label("物流快递")] public bool Courier { get; set; }
    [Label("预约办理")] public bool Appointment { get; set; }
    [Label("自助终端")] public bool SelfService { get; set; }
    [Label("进驻大厅")] public bool InHall { get; set; }
    [Label("通办范围")] public Tongban Tongban { get; set; }
}

public enum Tongban
{
    [Label("不通办")] None,
    [Label("全县通办")] County,
    [Label("全市通办")] City,
    [Label("全省通办")] Province,
    [Label("跨省通办")] CrossProvince,
}

[Label("办理地点")]
public sealed class Location
{
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Required, Label("地址")] public string Address { get; set; } = "";
    [Label("办公时间")] public string? Hours { get; set; }
}

[Label("办理结果")]
public sealed class Result
{
    [Required, Label("结果类型")] public ResultType Type { get; set; }
    [Required, Label("结果名称")] public string Name { get; set; } = "";
    [Required, Label("送达方式")] public List<Delivery> Delivery { get; set; } = [];
    [Ref(RefKind.Template), Label("证照模板")] public string? Template { get; set; }
    [Label("电子证照类型", "其他事项的材料以 license 引用此类型，默认为事项标识")] public string? License { get; set; }
    /// <summary>GB/T 36904 certificate type code (a catalogue code): the e-certificate identifier is built from it, never from a form field.</summary>
    [Label("证照类型代码", "电子证照目录中的证照类型代码（GB/T 36904），用于生成电子证照标识")] public string? TypeCode { get; set; }
    [Label("结果样本")] public string? Sample { get; set; }
}

public enum ResultType
{
    [Label("证照")] Certificate,
    [Label("批文")] Approval,
    [Label("决定书")] Decision,
    [Label("其他")] Other,
}

public enum Delivery
{
    [Label("窗口领取")] Window,
    [Label("邮寄送达")] Courier,
    [Label("电子送达")] Electronic,
}

[Label("常见问题")]
public sealed class Faq
{
    [Required, Label("问题")] public string Question { get; set; } = "";
    [Required, Label("解答")] public string Answer { get; set; } = "";
}
