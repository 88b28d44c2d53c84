namespace Workflows.Scripting.Helpers;

/// <summary>Installs everything <see cref="ScriptVocabulary"/> promises beyond the JavaScript built-ins and the data.</summary>
internal static class HelperLibrary
{
    public static void Install(HelperScope scope)
    {
        scope.Constant("today", ScriptDates.ToText(scope.Today));
        IdCardHelpers.Install(scope);
        UsccHelpers.Install(scope);
        AgeHelper.Install(scope);
        WorkdaysHelpers.Install(scope);
        DateHelpers.Install(scope);
    }
}
