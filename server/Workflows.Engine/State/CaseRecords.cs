using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Engine.State;

public enum CaseDecision
{
    Granted,
    Denied,
    Refused,
    /// <summary>撤销: a granted decision revoked after a false pledge.</summary>
    Revoked,
}

/// <summary>不予受理: reasons and, when outside this body's remit, the competent body (art. 32).</summary>
public sealed record Refusal(IReadOnlyList<string> Reasons, string? CompetentBody, string RefusedBy, DateOnly On);

/// <summary>
/// 终止办理: why (reasons for the notice), which deferred materials never came, who ended the case
/// (a user, or <c>system:deferral</c> when the grace period after the 催补 ran out) and when.
/// </summary>
public sealed record Termination(IReadOnlyList<string> Reasons, IReadOnlyList<string> MaterialIds, string By, DateOnly On);

/// <summary>
/// 挂起 / 特别程序 in force. <see cref="Counted"/>: the clock keeps running, because the guide counts the
/// procedure's time or because no legal basis (<see cref="Basis"/>) allows the clock to stop.
/// </summary>
public sealed record Suspension(string Reason, ProcedureKind? Procedure, bool Counted, string? Approver, string By, DateOnly From, CaseStatus ResumeTo)
{
    public string? Basis { get; init; }
}

public sealed record IssuedDocument(string TemplateId, string DocumentId, string? StepId, DateTimeOffset At);

public sealed record SentNotification(string StepId, string? TemplateId, DateTimeOffset At);

public sealed record ActivityRecord(string StepId, string Activity, string? Outcome, JsonObject? Output, DateTimeOffset At);

/// <summary>催办, recorded for supervision.</summary>
public sealed record UrgeRecord(string? TaskId, string By, string Message, DateTimeOffset At);

public enum AlertKind
{
    /// <summary>预警 (yellow).</summary>
    Warning,
    /// <summary>超期 (red).</summary>
    Overdue,
}

/// <summary>
/// A deadline alert. <see cref="Subject"/> is <c>case:promised</c>, <c>case:statutory</c>,
/// <c>task:&lt;id&gt;</c> or <c>material:&lt;id&gt;</c>. It names the due date, so a due date moved by an
/// extension can warn again.
/// </summary>
public sealed record DeadlineAlert(AlertKind Kind, string Subject, DateOnly Due, DateOnly On);

public enum EvaluationLevel
{
    VerySatisfied,
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
    VeryDissatisfied,
}

/// <summary>好差评 (国办发〔2019〕51号): the last two levels are bad ratings that need rectification.</summary>
public sealed record Evaluation(EvaluationLevel Level, string? Comment, string? By, DateTimeOffset At)
{
    public bool IsBad => Level is EvaluationLevel.Dissatisfied or EvaluationLevel.VeryDissatisfied;

    public static string Label(EvaluationLevel level) => level switch
    {
        EvaluationLevel.VerySatisfied => "非常满意",
        EvaluationLevel.Satisfied => "满意",
        EvaluationLevel.BasicallySatisfied => "基本满意",
        EvaluationLevel.Dissatisfied => "不满意",
        _ => "非常不满意",
    };
}

/// <summary>A file kept with the case; the bytes live in the server's content store under <see cref="Sha256"/>.</summary>
public sealed record Attachment(string? MaterialId, string FileName, string ContentType, long Size, string Sha256, string By, DateTimeOffset At);

/// <summary>送达 of the result: at the window, by courier (with its tracking number) or electronically.</summary>
public sealed record ResultDelivery(Delivery Method, string? TrackingNumber = null, string? Recipient = null);

public sealed record DeliveryRecord(Delivery Method, string? TrackingNumber, string? Recipient, string By, DateTimeOffset At);

/// <summary>差评整改: opened by a bad rating, due in working days, closed by the department's report.</summary>
public sealed record Rectification(DateOnly OpenedOn, DateOnly Due, string? Measures = null, string? By = null, DateTimeOffset? CompletedAt = null)
{
    public bool IsOpen => CompletedAt is null;
}
