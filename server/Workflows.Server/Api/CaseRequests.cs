using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Server.Api;

// The bodies the 办件 endpoints read, as types for the OpenAPI document (and the web UI's generated
// types). The handlers read them with JsonArgs, which gives every wrong field its own message
// ("applicant.idNumber ..."), so these records only describe: a field added to a command's
// parser in CaseCommands belongs here too (OpenApiContractTests checks every command has a body type).

public sealed record ApplicantRequest(ApplicantType Type, string Name, string IdNumber, string? Phone = null, string? Address = null);

public sealed record MaterialRequest(string MaterialId, MaterialStatus Status, string? Note = null);

/// <summary>收件: the applicant, materials and 申请表; with <paramref name="Pledge"/> the applicant's 告知承诺 and with
/// <paramref name="Decision"/> the acceptance decision in the same call (收件, then the pledge, then the decision).</summary>
/// <param name="Id">Optional case id (GUID); without it a retried request with the same Idempotency-Key names the same case.</param>
/// <param name="Pledge">告知承诺 (choose-pledge) before the decision: the replaced proofs are sent as <c>missing</c> in
/// <paramref name="Materials"/>. Refused (WF6080–WF6082): the case stays 收件 and the problem names it.</param>
/// <param name="Decision"><c>{kind: accept | accept-with-deferral | request-supplement | refuse | none, ...that command's fields}</c>.</param>
public sealed record CreateCaseRequest(string ItemId, ApplicantRequest Applicant, IReadOnlyList<MaterialRequest>? Materials = null,
    JsonObject? Form = null, string? Id = null, ChoosePledgeRequest? Pledge = null, JsonObject? Decision = null);

public sealed record DeficiencyRequest(string MaterialId, DeficiencyKind Kind, string? Note = null);

public sealed record AssigneeRequest(string? Department = null, string? Role = null, string? Window = null);

public sealed record DeliveryRequest(Delivery Method, string? TrackingNumber = null, string? Recipient = null);

public sealed record EmptyCommandRequest;
public sealed record AcceptWithDeferralRequest(IReadOnlyList<string> MaterialIds, string? CatchUpBy = null, bool? PledgeSigned = null);
public sealed record RefuseRequest(IReadOnlyList<string> Reasons, string? CompetentBody = null);
public sealed record RequestSupplementRequest(IReadOnlyList<DeficiencyRequest> Deficiencies);
public sealed record SupplementRequest(IReadOnlyList<string> MaterialIds);
public sealed record WithdrawRequest(string Reason);
public sealed record IssueDocumentRequest(string TemplateId);
public sealed record EvaluateRequest(EvaluationLevel Level, string? Comment = null, string? By = null);
public sealed record TaskRequest(string TaskId);
public sealed record CompleteTaskRequest(string TaskId, string? Outcome = null, string? Opinion = null,
    IReadOnlyList<DeficiencyRequest>? Deficiencies = null, DeliveryRequest? Delivery = null);
public sealed record ReturnRequest(string TaskId, string TargetStepId, string Reason);
public sealed record TransferRequest(string TaskId, AssigneeRequest To, string Reason);
public sealed record AddSignerRequest(string TaskId, AssigneeRequest Signer, string Reason);
public sealed record SuspendRequest(string Reason, ProcedureKind? Procedure = null, string? Approver = null);
public sealed record ExtendRequest(int WorkingDays, string Approver, string Reason);
public sealed record RectifyRequest(string Measures);
/// <summary>终止办理 by the department head: a deferred (容缺) material's catch-up date has passed; the reason goes on the 终止办理告知书.</summary>
public sealed record TerminateRequest(string Reason);
public sealed record UrgeRequest(string Message, string? TaskId = null);
/// <summary>告知承诺: the proofs the applicant's written pledge replaces (materials the item's guide offers for it).</summary>
public sealed record ChoosePledgeRequest(IReadOnlyList<string> MaterialIds);
/// <summary>
/// 核查 of the pledge: <paramref name="Truthful"/> false revokes the decision, with <paramref name="Findings"/> as its
/// reasons and <paramref name="Approver"/> the head (负责人) who approved the revocation (required then, 422 WF6086 without).
/// </summary>
public sealed record CheckPledgeRequest(string TaskId, bool Truthful, string? Findings = null, string? Approver = null);

public static class CaseRequests
{
    /// <summary>The body each command of <see cref="CaseCommands.All"/> reads.</summary>
    public static readonly IReadOnlyDictionary<string, Type> ByCommand = new Dictionary<string, Type>
    {
        ["accept"] = typeof(EmptyCommandRequest),
        ["accept-with-deferral"] = typeof(AcceptWithDeferralRequest),
        ["refuse"] = typeof(RefuseRequest),
        ["request-supplement"] = typeof(RequestSupplementRequest),
        ["supplement"] = typeof(SupplementRequest),
        ["withdraw"] = typeof(WithdrawRequest),
        ["issue-document"] = typeof(IssueDocumentRequest),
        ["evaluate"] = typeof(EvaluateRequest),
        ["claim"] = typeof(TaskRequest),
        ["complete"] = typeof(CompleteTaskRequest),
        ["return"] = typeof(ReturnRequest),
        ["transfer"] = typeof(TransferRequest),
        ["add-signer"] = typeof(AddSignerRequest),
        ["suspend"] = typeof(SuspendRequest),
        ["resume"] = typeof(EmptyCommandRequest),
        ["extend"] = typeof(ExtendRequest),
        ["rectify"] = typeof(RectifyRequest),
        ["terminate"] = typeof(TerminateRequest),
        ["urge"] = typeof(UrgeRequest),
        ["choose-pledge"] = typeof(ChoosePledgeRequest),
        ["check-pledge"] = typeof(CheckPledgeRequest),
    };
}
