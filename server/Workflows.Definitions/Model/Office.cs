using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

[Label("办事大厅")]
public sealed class Office
{
    [Required, Id, Label("标识")] public string Id { get; set; } = "";
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Required, Label("简称", "用于办件编号")] public string ShortName { get; set; } = "";
    [Required, Label("行政区划代码", "GB/T 2260 六位代码")] public string RegionCode { get; set; } = "";
    [Required, Label("统一社会信用代码")] public string Uscc { get; set; } = "";
    [Required, Label("地址")] public string Address { get; set; } = "";
    [Required, Label("办公时间")] public string Hours { get; set; } = "";
    [Label("咨询电话")] public string? Phone { get; set; }
    [Required, Label("投诉电话")] public string ComplaintPhone { get; set; } = "";
    [Required, Label("印章图片", "相对于定义目录的路径")] public string Seal { get; set; } = "";
    [Label("办件编号格式", "如 {short-name}-{year}-{seq:6}")] public string? CaseNumber { get; set; }
    [Label("时限设置")] public ClockSettings? Clock { get; set; }
    [Label("救济途径", "不予受理、不予许可文书告知的行政复议机关和人民法院")] public AppealBodies? Appeal { get; set; }
    [Label("文书设置", "通知书中的本地规定")] public NoticeSettings? Notices { get; set; }
    [Label("窗口设备", "收件电脑上的设备代理（读卡器、高拍仪、打印机），见 docs/devices.md")] public DeviceSettings? Devices { get; set; }
    [Label("评价器", "好差评平板（评价器）的设备 PIN、配对码和设备会话，见 docs/security.md；不写则用默认值")] public KioskSettings? Kiosk { get; set; }
}

/// <summary>The devices at the windows: one local agent on each clerk PC, and the printer presets the UI offers.</summary>
/// <summary>
/// The rating tablets (评价器) paired with the windows: how hard leaving kiosk mode is, how long a
/// pairing code and a device session last. Read when used, so a published change applies at once;
/// the WORKFLOWS_KIOSK_* environment variables override them for one deployment (docs/security.md).
/// </summary>
[Label("评价器")]
public sealed class KioskSettings
{
    [Label("PIN 最少位数", "设备 PIN 至少几位数字（4–12），默认 6")] public int? PinLength { get; set; }
    [Label("PIN 错误次数上限", "自上次配对或退出以来输错 PIN 达到该次数后，暂停退出评价模式（1–100），默认 5")] public int? PinFailures { get; set; }
    [Label("PIN 锁定分钟数", "错误 PIN 的计数范围，也是锁定时长（1–1440 分钟），默认 15")] public int? PinLockMinutes { get; set; }
    [Label("配对码有效分钟数", "一次性配对码的有效时间：管理员走到柜台输入（1–1440 分钟），默认 30")] public int? PairingMinutes { get; set; }
    [Label("设备会话天数", "配对后平板的设备会话最长保持的天数，无空闲超时（1–3650 天），默认 90")] public int? SessionDays { get; set; }
}

[Label("窗口设备")]
public sealed class DeviceSettings
{
    /// <summary>Where the browser finds the agent on the clerk's own PC; the page's CSP allows exactly this origin.</summary>
    [Label("设备代理地址", "浏览器连接的本机设备代理，默认 ws://127.0.0.1:17380")] public string? Agent { get; set; }
    [Label("打印预设", "通知书打印机、证照套打打印机及其校准偏移")] public List<PrinterPreset> Printers { get; set; } = [];
}

[Label("打印预设")]
public sealed class PrinterPreset
{
    [Required, Id, Label("标识")] public string Id { get; set; } = "";
    [Required, Label("名称", "界面上显示的名称")] public string Name { get; set; } = "";
    [Required, Label("用途")] public PrinterKind Kind { get; set; }
    [Required, Label("打印机", "设备代理上的打印机名称")] public string Printer { get; set; } = "";
    [Label("水平偏移（毫米）", "套打校准：正数向右，默认 0")] public double? OffsetX { get; set; }
    [Label("垂直偏移（毫米）", "套打校准：正数向下，默认 0")] public double? OffsetY { get; set; }
}

public enum PrinterKind
{
    [Label("通知书")] Notice,
    [Label("证照套打")] Certificate,
}

[Label("救济途径")]
public sealed class AppealBodies
{
    [Required, Label("行政复议机关", "县级部门的复议机关为本级人民政府（行政复议法 2023 年修订）")] public string ReviewBody { get; set; } = "";
    [Required, Label("人民法院", "行政诉讼的管辖法院（各地集中管辖不同）")] public string Court { get; set; } = "";
}

[Label("文书设置")]
public sealed class NoticeSettings
{
    [Label("补正期限", "一次性告知书上补正材料的期限，默认 10 个工作日")] public Duration? SupplementLimit { get; set; }
    [Label("逾期未补正的后果")] public string? SupplementConsequence { get; set; }
    [Label("容缺受理依据", "本地容缺受理办法的名称")] public string? DeferralBasis { get; set; }
    [Label("逾期未补交容缺材料的后果")] public string? DeferralConsequence { get; set; }
}

[Label("时限设置")]
public sealed class ClockSettings
{
    [Label("起算方式")] public CountFrom? CountFrom { get; set; }
    [Label("预警比例", "时限用去该比例后预警，默认 0.8")] public double? WarningAt { get; set; }
    [Label("受理期限", "收件后作出受理决定的期限（行政许可法第三十二条：5 个工作日）")] public Duration? AcceptanceLimit { get; set; }
    [Label("差评整改期限", "差评后整改反馈的期限，默认 5 个工作日（国办发〔2019〕51号）")] public Duration? RectificationLimit { get; set; }
    [Label("容缺补交提前量", "容缺材料的补交期限须早于承诺办结日至少这么多工作日，默认 0wd（深圳：2wd）")] public Duration? DeferralMargin { get; set; }
    [Label("容缺补交最长期限", "自受理起算的容缺补交期限上限，默认不另设（以承诺时限为限；深圳：20wd）")] public Duration? DeferralMax { get; set; }
    [Label("告知承诺核查期限", "告知承诺件作出决定后完成核查的期限，默认 20wd（国办发〔2020〕42号由各地确定）")] public Duration? PledgeCheckPeriod { get; set; }
    [Label("默认好评期限", "办结后未评价的办件按此期限自动默认评价，默认 7d（广东：7 个自然日，默认「基本满意」）")] public Duration? DefaultRatingAfter { get; set; }
}

public enum CountFrom
{
    [Label("次日起算")] NextDay,
    [Label("当日起算")] SameDay,
}
