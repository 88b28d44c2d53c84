using System.Text.RegularExpressions;
using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Mapping;

namespace Workflows.Definitions.Validation;

/// <summary>Ids are well formed and unique within their list.</summary>
public static partial class IdentityRules
{
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex Kebab();

    [GeneratedRegex("^[a-z][A-Za-z0-9]*$")]
    private static partial Regex Camel();

    public static void CheckIds(ValidationContext context, object root)
    {
        foreach (var value in ModelWalker.Values(root))
        {
            if (value.Shape.Id is not { } id || value.Value is not string text) continue;
            var ok = id.Style == IdStyle.Kebab ? Kebab().IsMatch(text) : Camel().IsMatch(text);
            if (!ok)
                context.Error(DiagnosticCodes.InvalidId, value.Container, value.Member, id.Style == IdStyle.Kebab
                    ? $"标识 '{text}' 应为小写字母、数字和连字符，如 id-card (ids are kebab-case)"
                    : $"字段标识 '{text}' 应为字母开头的驼峰式，如 schoolLevel，脚本中以 form.{text} 读取 (field ids are camelCase)");
        }
    }

    /// <summary>Reports every element whose id repeats an earlier one in <paramref name="items"/>.</summary>
    public static void CheckUnique<T>(ValidationContext context, IEnumerable<T> items, Func<T, string> id, string what) where T : notnull
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var key = id(item);
            if (key.Length > 0 && !seen.Add(key))
                context.Error(DiagnosticCodes.DuplicateId, item, "Id", $"{what}标识 '{key}' 重复 (duplicate id)");
        }
    }
}
