namespace Workflows.Definitions.Diagnostics;

/// <summary>
/// Stable codes of every definition problem. Codes never change meaning once released: tools,
/// tests and the designer match on them. WF1xxx file structure, WF2xxx references, WF3xxx domain
/// rules, WF4xxx scripts, WF5xxx templates.
/// </summary>
public static class DiagnosticCodes
{
    public const string YamlSyntax = "WF1001";
    public const string DuplicateKey = "WF1002";
    public const string UnknownKey = "WF1003";
    public const string MissingKey = "WF1004";
    public const string WrongShape = "WF1005";
    public const string InvalidValue = "WF1006";
    public const string MissingFile = "WF1007";
    public const string InvalidId = "WF1008";
    public const string DuplicateId = "WF1009";
    public const string EmptyFile = "WF1010";
    public const string UnreadableFile = "WF1011";
    public const string UnexpectedFile = "WF1012";

    public const string UnknownDepartment = "WF2001";
    public const string UnknownWindow = "WF2002";
    public const string UnknownRole = "WF2003";
    public const string UnknownMaterial = "WF2004";
    public const string UnknownStep = "WF2005";
    public const string UnknownTemplate = "WF2006";
    public const string CalendarMissing = "WF2007";
    public const string UnknownItem = "WF2008";
    public const string UnknownFormField = "WF2009";
    public const string MissingSeal = "WF2010";

    public const string PromisedExceedsStatutory = "WF3001";
    public const string UnreachableStep = "WF3002";
    public const string DeadEnd = "WF3003";
    public const string NoWayOut = "WF3004";
    public const string InvalidUscc = "WF3005";
    public const string InvalidRegionCode = "WF3006";
    public const string ImmediateWithLimit = "WF3007";
    public const string DeferralExceedsPromised = "WF3008";
    public const string FeeInconsistent = "WF3009";
    public const string VisitsWithoutReason = "WF3010";
    public const string CalendarInconsistent = "WF3011";
    public const string WindowSetup = "WF3012";
    public const string ParallelWithoutJoin = "WF3013";
    public const string BranchWithoutOtherwise = "WF3014";
    public const string SelectWithoutOptions = "WF3015";
    public const string StepWithoutAssignee = "WF3016";
    public const string IntakeWindowMismatch = "WF3017";
    public const string StepFieldMisplaced = "WF3018";
    public const string StepLimitsExceedPromised = "WF3019";
    public const string InvalidRange = "WF3020";
    public const string DeferralMissingLimit = "WF3021";
    public const string LicenseWithoutSource = "WF3022";
    public const string NoApplicantType = "WF3023";
    /// <summary>A step kind the model knows but the engine cannot run yet (子办件): it would fail live cases.</summary>
    public const string StepKindNotRunnable = "WF3050";

    // 行政许可法: what the law forbids, refused in the definitions (issue 12).
    public const string ExtensionCapWithoutLaw = "WF3031";
    public const string AcceptanceLimitOverStatutory = "WF3032";
    public const string DecisionOnAcceptanceAfterAcceptance = "WF3033";
    /// <summary>前台收件、后台受理 without a department acceptance step that can accept, 补正 and 不予受理 lawfully.</summary>
    public const string AcceptanceSetUpInvalid = "WF3034";

    // 特别程序 (行政许可法 art. 45) as a property of the step that runs it.
    public const string ProcedureNoticeWithoutProcedure = "WF3060";
    public const string ProcedureOnWrongStep = "WF3061";
    public const string ProcedureIncomplete = "WF3062";
    public const string ProcedureNotInGuide = "WF3063";

    // 告知承诺 (国办发〔2020〕42号): only a checklist material marked pledge-able may be replaced by a pledge.
    public const string PledgeMaterialNotPledgeable = "WF3070";

    public const string ScriptSyntax = "WF4001";
    public const string ScriptUnknownName = "WF4002";
    public const string ScriptUnknownField = "WF4003";
    public const string ScriptUnknownMember = "WF4004";
    /// <summary>A script reaches constructors or prototypes (<c>constructor</c>, <c>prototype</c>, <c>__proto__</c>, computed access on non-data).</summary>
    public const string ScriptReflectiveAccess = "WF4005";
    /// <summary>A script that passes the static check fails when run on a made-up application of its item.</summary>
    public const string ScriptFailsOnSample = "WF4006";

    public const string TemplateSyntax = "WF5001";
}
