namespace Workflows.Engine.Errors;

/// <summary>终止办理 (容缺 material not supplied, DOMAIN §3).</summary>
internal static partial class Fail
{
    public static CaseRuleViolation TerminationNotAllowed(string why) =>
        With(ErrorCodes.TerminationNotAllowed, $"不能终止办理：{why}");
}
