using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

[Label("工作日历")]
public sealed class CalendarFile
{
    [Required, Label("年份")] public int Year { get; set; }
    [Label("依据")] public string? Source { get; set; }
    [Label("节假日")] public List<Holiday> Holidays { get; set; } = [];
    [Label("调休上班日")] public List<MakeUpWorkday> MakeUpWorkdays { get; set; } = [];
}

[Label("节假日")]
public sealed class Holiday
{
    [Required, Label("名称")] public string Name { get; set; } = "";
    [Required, Label("开始")] public DateOnly From { get; set; }
    [Required, Label("结束")] public DateOnly To { get; set; }
}

[Label("调休上班日")]
public sealed class MakeUpWorkday
{
    [Required, Label("日期")] public DateOnly Date { get; set; }
    [YamlName("for"), Label("调休节日")] public string? For { get; set; }
}
