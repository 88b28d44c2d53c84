using Workflows.Domain;
using static Workflows.Scripting.Helpers.HelperArguments;

namespace Workflows.Scripting.Helpers;

/// <summary><c>uscc.valid(s)</c>: a unified social credit code with the right check character.</summary>
internal static class UsccHelpers
{
    public static void Install(HelperScope scope) => scope.Namespace(
        "uscc",
        ("valid", 1, arguments => Uscc.IsValid(Text(arguments, 0))));
}
