using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflows.Definitions.Model;
using Workflows.Domain;

namespace Workflows.Scripting.Forms;

/// <summary>One problem of a submitted form: the field's path (<c>id</c>, or <c>table.row.column</c>), a stable code and words for the clerk.</summary>
public sealed record FieldProblem(string Field, string Code, string Message);

/// <summary>The form as it may be stored (hidden fields dropped, strings trimmed), or every problem found.</summary>
public sealed record FormCheck(JsonObject Values, IReadOnlyList<FieldProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// A condition of the form (<c>when</c>, a field's check, a cross-field rule) that failed to run:
/// the definition's mistake, not the applicant's. Names the field or rule so the editor can fix it.
/// </summary>
public sealed class FormScriptException(string where, string expression, ScriptException inner)
    : Exception($"申请表{where}的条件 '{expression}' 无法执行：{inner.Message} (a form condition failed at run time)", inner)
{
    public string Where { get; } = where;
    public string Expression { get; } = expression;
    public string ScriptCode { get; } = inner.Code;
}

/// <summary>
/// The server's check of a submitted 申请表, with the same rules the browser shows
/// (designer/src/forms/validation.ts): required fields, types, ranges, lengths, patterns, options,
/// resident ID and USCC check digits, phone numbers, table rows and cells, visibility conditions,
/// field checks and cross-field rules. Keys the form does not define (and <c>__proto__</c>) are
/// refused; values of hidden fields are dropped, as the browser drops them.
/// </summary>
public sealed class FormChecker(ScriptSandbox sandbox)
{
    /// <summary>Codes of <see cref="FieldProblem"/>: stable, for clients to act on.</summary>
    public static class Codes
    {
        public const string Required = "required", Type = "type", Min = "min", Max = "max", MaxLength = "max-length",
            Pattern = "pattern", Option = "option", ResidentId = "idcard", Uscc = "uscc", Phone = "phone", Date = "date",
            Rows = "rows", Unknown = "unknown-field", Check = "check", Rule = "rule";
    }

    private static readonly Regex PhonePattern = new(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\d{7,8})$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    private static readonly Regex FormReference = new(@"form\.([A-Za-z_$][\w$]*)|form\[['""]([^'""]+)['""]\]", RegexOptions.CultureInvariant);

    public FormCheck Check(Form form, JsonObject values, JsonObject applicant)
    {
        var problems = new List<FieldProblem>();
        var known = form.Fields.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, _) in values)
            if (!known.Contains(key)) problems.Add(new(key, Codes.Unknown, $"申请表没有字段“{key}” (unknown field)"));

        var scope = new JsonObject { ["applicant"] = applicant.DeepClone(), ["form"] = values.DeepClone() };
        var stored = new JsonObject();
        foreach (var field in form.Fields)
        {
            if (!IsVisible(field, scope)) continue;
            var value = values[field.Id];
            if (FieldProblemOf(field, value, scope, field.Id) is { } problem) problems.Add(problem);
            else if (field.Type == FieldType.Table && value is JsonArray rows) problems.AddRange(CellProblems(field, rows, scope));
            if (!IsEmpty(value)) stored[field.Id] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : value!.DeepClone();
        }
        // Cross-field rules as in the browser; a rule over a field that is already wrong waits for it.
        var wrong = problems.Select(p => p.Field.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(RuleProblems(form, scope, wrong));
        return new FormCheck(stored, problems);
    }

    private bool IsVisible(Field field, JsonObject scope) => field.When is not { Length: > 0 } when || Condition($"字段“{field.Label}”", when, scope);

    private IEnumerable<FieldProblem> CellProblems(Field table, JsonArray rows, JsonObject scope)
    {
        var columns = table.Columns.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not JsonObject row)
            {
                yield return new($"{table.Id}.{i}", Codes.Type, $"{table.Label}第 {i + 1} 行应为一行数据 (a row must be an object)");
                continue;
            }
            foreach (var (key, _) in row)
                if (!columns.Contains(key)) yield return new($"{table.Id}.{i}.{key}", Codes.Unknown, $"{table.Label}没有列“{key}” (unknown column)");
            var rowScope = scope.DeepClone().AsObject();
            foreach (var (key, cell) in row) rowScope["form"]![key] = cell?.DeepClone();
            foreach (var column in table.Columns)
                if (FieldProblemOf(column, row[column.Id], rowScope, $"{table.Id}.{i}.{column.Id}") is { } problem) yield return problem;
        }
    }

    /// <summary>The first problem of one value, in the order the browser reports them.</summary>
    private FieldProblem? FieldProblemOf(Field field, JsonNode? value, JsonObject scope, string path)
    {
        FieldProblem P(string code, string message) => new(path, code, message);
        if (field.Type == FieldType.Table && field.MinRows is > 0 && ((value as JsonArray)?.Count ?? 0) < field.MinRows)
            return P(Codes.Rows, $"{field.Label}至少 {field.MinRows} 行");
        // A choice is chosen, not written: 请选择 on selects and yes/no fields, 请填写 on the rest (as the browser says).
        if (IsEmpty(value)) return field.Required == true ? P(Codes.Required, $"{(field.Type is FieldType.Select or FieldType.MultiSelect or FieldType.Boolean ? "请选择" : "请填写")}{field.Label}") : null;
        var text = value is JsonValue jv && jv.GetValueKind() == JsonValueKind.String ? jv.GetValue<string>() : null;
        switch (field.Type)
        {
            case FieldType.Text or FieldType.Textarea or FieldType.Address or FieldType.Idcard or FieldType.Uscc or FieldType.Phone or FieldType.Date:
                if (text is null) return P(Codes.Type, $"{field.Label}应为文字 (expected a string)");
                break;
            case FieldType.Number:
                if (value is not JsonValue n || n.GetValueKind() != JsonValueKind.Number) return P(Codes.Type, $"{field.Label}应为数字");
                // Read from the JSON text: a value built in code may be any CLR number, and a huge one must not throw.
                var number = double.Parse(n.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsInfinity(number)) return P(Codes.Type, $"{field.Label}应为数字");
                if (field.Min is { } min && number < (double)min) return P(Codes.Min, $"{field.Label}不能小于 {min.ToString(CultureInfo.InvariantCulture)}");
                if (field.Max is { } max && number > (double)max) return P(Codes.Max, $"{field.Label}不能大于 {max.ToString(CultureInfo.InvariantCulture)}");
                break;
            case FieldType.Boolean:
                if (value is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) return P(Codes.Type, $"{field.Label}应为是或否");
                break;
            case FieldType.Select:
                if (text is null) return P(Codes.Type, $"{field.Label}应为一个选项");
                if (field.Options.Count > 0 && field.Options.All(o => o.Value != text)) return P(Codes.Option, "请从选项中选择");
                break;
            case FieldType.MultiSelect:
                if (value is not JsonArray picked || picked.Any(x => x is not JsonValue xv || xv.GetValueKind() != JsonValueKind.String))
                    return P(Codes.Type, $"{field.Label}应为选项的列表");
                if (field.Options.Count > 0 && picked.Any(x => field.Options.All(o => o.Value != x!.GetValue<string>()))) return P(Codes.Option, "请从选项中选择");
                break;
            case FieldType.Table:
                if (value is not JsonArray rows) return P(Codes.Type, $"{field.Label}应为表格的行");
                if (field.MinRows is { } fewest && rows.Count < fewest) return P(Codes.Rows, $"{field.Label}至少 {fewest} 行");
                if (field.MaxRows is { } most && rows.Count > most) return P(Codes.Rows, $"{field.Label}最多 {most} 行");
                break;
        }
        if (text is not null)
        {
            var trimmed = text.Trim();
            switch (field.Type)
            {
                case FieldType.Idcard when ResidentIdProblem(trimmed.ToUpperInvariant()) is { } problem: return P(Codes.ResidentId, problem);
                case FieldType.Uscc when UsccProblem(trimmed) is { } problem: return P(Codes.Uscc, problem);
                case FieldType.Phone when !PhonePattern.IsMatch(trimmed): return P(Codes.Phone, "电话号码格式不正确（手机 11 位，或区号-号码）");
                case FieldType.Date when !DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                    return P(Codes.Date, "日期格式应为 年-月-日");
            }
            if (field.MaxLength is { } longest && text.EnumerateRunes().Count() > longest) return P(Codes.MaxLength, $"{field.Label}最多 {longest} 个字");
            if (field.Pattern is { Length: > 0 } pattern && !Matches(pattern, text))
                return P(Codes.Pattern, field.Help is { Length: > 0 } help ? $"格式不正确：{help}" : $"{field.Label}格式不正确");
        }
        if (field.Check is { } check && (check.When is not { Length: > 0 } when || Condition($"字段“{field.Label}”", when, scope))
            && !Condition($"字段“{field.Label}”", check.Expression, scope))
            return P(Codes.Check, check.Message);
        return null;
    }

    /// <summary>Cross-field rules that fail; a rule whose fields are still empty waits, as in the browser.</summary>
    private IEnumerable<FieldProblem> RuleProblems(Form form, JsonObject scope, IReadOnlySet<string> wrong)
    {
        var values = scope["form"]!.AsObject();
        for (var i = 0; i < form.Rules.Count; i++)
        {
            var rule = form.Rules[i];
            if (rule.When is { Length: > 0 } when && !Condition($"校验规则 {i + 1}", when, scope)) continue;
            var referenced = FormReference.Matches(rule.Expression).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
            if (referenced.Any(id => IsEmpty(values[id]) || wrong.Contains(id))) continue;
            if (!Condition($"校验规则 {i + 1}", rule.Expression, scope)) yield return new("$rules", Codes.Rule, rule.Message);
        }
    }

    private bool Condition(string where, string expression, JsonObject scope)
    {
        try { return sandbox.EvaluateCondition(expression, scope); }
        catch (ScriptException e) { throw new FormScriptException(where, expression, e); }
    }

    private static bool Matches(string pattern, string text)
    {
        // A bad or slow pattern is the definition's problem (the validator compiles it): never the applicant's.
        try { return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)); }
        catch (ArgumentException) { return true; }
        catch (RegexMatchTimeoutException) { return true; }
    }

    private static bool IsEmpty(JsonNode? value) => value switch
    {
        null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => true,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Trim().Length == 0,
        JsonArray a => a.Count == 0,
        _ => false,
    };

    /// <summary>Why an ID number is not valid, in the browser's words (designer/src/forms/checks.ts).</summary>
    private static string? ResidentIdProblem(string id)
    {
        if (id.Length != 18) return $"身份证号码应为 18 位，现为 {id.Length} 位";
        if (!id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X')) return "身份证号码前 17 位应为数字，最后一位为数字或 X";
        if (!DateOnly.TryParseExact(id[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return "身份证号码中的出生日期无效";
        var expected = ResidentId.ComputeCheckCharacter(id[..17]);
        return id[17] == expected ? null : $"身份证号码校验码错误（应为 {expected}），请核对";
    }

    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Why a USCC is not valid, in the browser's words.</summary>
    private static string? UsccProblem(string code)
    {
        if (code.Length != 18) return $"统一社会信用代码应为 18 位，现为 {code.Length} 位";
        if (code != code.ToUpperInvariant()) return "统一社会信用代码中的字母应为大写";
        if (code.FirstOrDefault(c => !UsccAlphabet.Contains(c)) is var bad and not '\0') return $"统一社会信用代码不能含有字符“{bad}”（不使用 I、O、Z、S、V）";
        var expected = Uscc.ComputeCheckCharacter(code[..17]);
        return code[17] == expected ? null : $"统一社会信用代码校验码错误（应为 {expected}），请核对";
    }
}
