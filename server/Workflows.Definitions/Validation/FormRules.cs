using System.Text.RegularExpressions;
using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>Form fields are well formed: options for selects, columns for tables, ranges, patterns.</summary>
public static class FormRules
{
    public static void Check(ValidationContext context, Form form)
    {
        if (form.ApplicantTypes.Count == 0)
            context.Error(DiagnosticCodes.NoApplicantType, form, "ApplicantTypes", "须列出申请人类型 applicant-types: person 和/或 organization (applicant types required)");
        CheckFields(context, form.Fields, nested: false);
    }

    private static void CheckFields(ValidationContext context, List<Field> fields, bool nested)
    {
        IdentityRules.CheckUnique(context, fields, f => f.Id, "字段");
        foreach (var field in fields)
        {
            if (field.Type is FieldType.Select or FieldType.MultiSelect)
            {
                if (field.Options.Count == 0)
                    context.Error(DiagnosticCodes.SelectWithoutOptions, field, "Type", $"选择字段 '{field.Id}' 须列出选项 options (a select needs options)");
                var values = new HashSet<string>(StringComparer.Ordinal);
                foreach (var option in field.Options.Where(o => !values.Add(o.Value)))
                    context.Error(DiagnosticCodes.DuplicateId, option, "Value", $"选项值 '{option.Value}' 重复 (duplicate option value)");
            }
            else if (field.Options.Count > 0)
                context.Warning(DiagnosticCodes.StepFieldMisplaced, field, "Options", $"字段 '{field.Id}' 不是选择类型，options 不起作用 (options only apply to selects)");

            if (field.Type == FieldType.Table)
            {
                if (nested)
                    context.Error(DiagnosticCodes.InvalidValue, field, "Type", "表格列中不能再嵌套表格 (tables cannot nest)");
                else if (field.Columns.Count == 0)
                    context.Error(DiagnosticCodes.MissingKey, field, "Type", $"表格字段 '{field.Id}' 须列出表格列 columns (a table needs columns)");
                CheckFields(context, field.Columns, nested: true);
                if (field.MinRows is { } minRows && field.MaxRows is { } maxRows && minRows > maxRows)
                    context.Error(DiagnosticCodes.InvalidRange, field, "MinRows", $"最少行数 {minRows} 大于最多行数 {maxRows} (min-rows > max-rows)");
            }
            if (field.Min is { } min && field.Max is { } max && min > max)
                context.Error(DiagnosticCodes.InvalidRange, field, "Min", $"字段 '{field.Id}' 的最小值 {min} 大于最大值 {max} (min > max)");
            if (field.MaxLength is <= 0)
                context.Error(DiagnosticCodes.InvalidRange, field, "MaxLength", "最大长度须大于 0 (max-length must be positive)");
            if (field.Pattern is { } pattern && !IsRegex(pattern, out var error))
                context.Error(DiagnosticCodes.InvalidValue, field, "Pattern", $"格式 '{pattern}' 不是有效的正则表达式: {error} (invalid regular expression)");
        }
    }

    private static bool IsRegex(string pattern, out string error)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            error = "";
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }
}
