using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Model;

/// <summary>申请表: the typed fields a clerk fills in at intake.</summary>
[Label("申请表")]
public sealed class Form
{
    [Required, Label("申请人类型")] public List<ApplicantType> ApplicantTypes { get; set; } = [];
    [Required, Label("字段")] public List<Field> Fields { get; set; } = [];
    [Label("校验规则")] public List<Rule> Rules { get; set; } = [];
}

public enum ApplicantType
{
    [Label("自然人")] Person,
    [Label("法人或其他组织")] Organization,
}

[Label("字段")]
public sealed class Field
{
    [Required, Id(IdStyle.Camel), Label("标识")] public string Id { get; set; } = "";
    [Required, Label("标题")] public string Label { get; set; } = "";
    [Required, Label("类型")] public FieldType Type { get; set; }
    [Label("必填")] public bool? Required { get; set; }
    [Script, Label("显示条件")] public string? When { get; set; }
    [Label("提示文字")] public string? Placeholder { get; set; }
    [Label("填写说明")] public string? Help { get; set; }
    [Label("默认值")] public string? Default { get; set; }
    [Label("选项")] public List<Option> Options { get; set; } = [];
    [Label("单位")] public string? Unit { get; set; }
    [Label("最小值")] public decimal? Min { get; set; }
    [Label("最大值")] public decimal? Max { get; set; }
    [Label("最大长度")] public int? MaxLength { get; set; }
    [Label("格式（正则表达式）")] public string? Pattern { get; set; }
    [Label("最少行数")] public int? MinRows { get; set; }
    [Label("最多行数")] public int? MaxRows { get; set; }
    [Label("表格列")] public List<Field> Columns { get; set; } = [];
    [Label("字段校验")] public Rule? Check { get; set; }
}

public enum FieldType
{
    [Label("文本")] Text,
    [Label("多行文本")] Textarea,
    [Label("数字")] Number,
    [Label("日期")] Date,
    [Label("单选")] Select,
    [Label("多选")] MultiSelect,
    [Label("是否")] Boolean,
    [Label("身份证号")] Idcard,
    [Label("统一社会信用代码")] Uscc,
    [Label("电话")] Phone,
    [Label("地址")] Address,
    [Label("表格")] Table,
}

[Label("选项")]
public sealed class Option
{
    [Required, Label("值")] public string Value { get; set; } = "";
    [Required, Label("显示文字")] public string Label { get; set; } = "";
}

[Label("校验规则")]
public sealed class Rule
{
    [Script, Label("适用条件")] public string? When { get; set; }
    [Required, Script, YamlName("rule"), Label("规则")] public string Expression { get; set; } = "";
    [Required, Label("提示")] public string Message { get; set; } = "";
}
