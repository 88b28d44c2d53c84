namespace Workflows.Engine.Errors;

/// <summary>Stable error codes of the engine. Never renumber: clients and the REST problem details rely on them.</summary>
public static class ErrorCodes
{
    public const string CaseNotFound = "WF6000";
    public const string NotAllowedInStatus = "WF6001";
    public const string TaskNotFound = "WF6002";
    public const string NotTheAssignee = "WF6003";
    public const string UnknownOutcome = "WF6004";
    public const string TaskNotOpen = "WF6005";
    public const string ClaimedByOther = "WF6006";
    public const string CaseAlreadyExists = "WF6007";
    public const string InvalidArgument = "WF6008";

    public const string UnknownMaterial = "WF6010";
    public const string RequiredMaterialsMissing = "WF6011";
    public const string DeferralNotAllowed = "WF6012";
    public const string OneTimeNoticeIncomplete = "WF6013";
    public const string SupplementIncomplete = "WF6014";

    public const string WorkflowInvalid = "WF6020";
    public const string NoBranchMatched = "WF6021";
    public const string RoutingLoop = "WF6022";
    public const string ReturnTargetInvalid = "WF6023";
    public const string SubcaseNotSupported = "WF6024";
    public const string ActivityFailed = "WF6025";

    public const string ProcedureNotListed = "WF6030";
    public const string AlreadyEvaluated = "WF6031";
    public const string AlreadySigned = "WF6032";
    public const string NoOpenRectification = "WF6033";
    public const string TrackingNumberRequired = "WF6034";

    // 延期 (行政许可法 art. 42)
    public const string ExtensionAlreadyGranted = "WF6050";
    public const string ExtensionOverCap = "WF6051";
    public const string ExtensionTooLate = "WF6052";
    public const string ExtensionBeforeAcceptance = "WF6053";

    // 受理 (行政许可法 art. 32, DOMAIN §3) and 容缺 (DOMAIN §4)
    public const string AcceptanceByDepartment = "WF6060";
    public const string DeferralPledgeRequired = "WF6061";
    /// <summary>容缺: the catch-up date chosen at intake lies outside the office's bounds (office.yaml clock.deferral-min/-max/-margin).</summary>
    public const string DeferralDeadlineOutOfBounds = "WF6062";

    // 终止办理: a deferred (容缺) material not supplied after its deadline and the 催补.
    public const string TerminationNotAllowed = "WF6085";

    // 告知承诺 (国办发〔2020〕42号) and the credit record
    public const string PledgeNotAllowed = "WF6080";
    public const string PledgeAlreadyChosen = "WF6081";
    public const string ApplicantCreditExcluded = "WF6082";
    public const string NoPledgeCheck = "WF6083";
    public const string RevocationNeedsReasons = "WF6084";
    /// <summary>撤销 for a false pledge without the head's approval (行政许可法 art. 69: the licensing body's decision).</summary>
    public const string RevocationNeedsApproval = "WF6086";

    // 特别程序 (art. 45) and 挂起: the clock stops only for a procedure or with a legal basis.
    public const string SuspensionNeedsApprover = "WF6070";
    public const string SuspendDuringProcedure = "WF6071";
    public const string ProcedureAlreadyRunning = "WF6072";
}
