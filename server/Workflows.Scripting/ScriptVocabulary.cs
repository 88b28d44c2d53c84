using System.Collections.Frozen;

namespace Workflows.Scripting;

/// <summary>
/// The names a definition script may use, for validation at load time: a free name outside
/// <see cref="Globals"/> (and outside the item's form fields, for <c>form.x</c>) is an error.
/// The sandbox defines every one of them at run time.
/// </summary>
public static class ScriptVocabulary
{
    /// <summary>The data an evaluation receives, in this order.</summary>
    internal static IReadOnlyList<string> DataRoots { get; } = ["applicant", "form", "materials", "case"];

    /// <summary>Data, helpers and the safe JavaScript built-ins.</summary>
    public static IReadOnlySet<string> Globals { get; } = new[]
    {
        "applicant", "form", "materials", "case",
        "today", "idcard", "uscc", "age", "workdays", "date",
        "Math", "String", "Number", "parseInt", "parseFloat", "isNaN", "JSON", "Array", "Boolean", "RegExp",
        "undefined", "NaN", "Infinity",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The members of each helper object.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> HelperMembers { get; } =
        new Dictionary<string, IReadOnlySet<string>>
        {
            ["idcard"] = Names("valid", "birth", "gender"),
            ["uscc"] = Names("valid"),
            ["workdays"] = Names("add", "between"),
            ["date"] = Names("format", "addDays"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The fields of <c>applicant</c>.</summary>
    public static IReadOnlySet<string> ApplicantMembers { get; } =
        Names("type", "name", "idNumber", "uscc", "phone", "address", "legalRepresentative");

    private static IReadOnlySet<string> Names(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
