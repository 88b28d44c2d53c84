using Jint.Native;
using Workflows.Domain;
using static Workflows.Scripting.Helpers.HelperArguments;

namespace Workflows.Scripting.Helpers;

/// <summary><c>idcard.valid(s)</c>, <c>idcard.birth(s)</c> ('1949-12-31' or null), <c>idcard.gender(s)</c> ('male', 'female' or null).</summary>
internal static class IdCardHelpers
{
    public static void Install(HelperScope scope) => scope.Namespace(
        "idcard",
        ("valid", 1, arguments => ResidentId.IsValid(Text(arguments, 0))),
        ("birth", 1, arguments => DateOrNull(ResidentId.BirthDate(Text(arguments, 0)))),
        ("gender", 1, arguments => GenderText(ResidentId.GenderOf(Text(arguments, 0)))));

    private static JsValue GenderText(Gender? gender) => gender switch
    {
        Gender.Male => "male",
        Gender.Female => "female",
        _ => JsValue.Null,
    };
}
