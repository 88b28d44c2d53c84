namespace Workflows.Engine.State;

public enum CaseStatus
{
    /// <summary>收件: materials handed over, acceptance not yet decided (the 5-day acceptance clock runs).</summary>
    Received,
    /// <summary>受理: reserved for an acceptance that has not yet routed on; the engine moves straight to InProgress.</summary>
    Accepted,
    /// <summary>补正: waiting for the applicant; the running clock is paused.</summary>
    Supplementing,
    /// <summary>办理中.</summary>
    InProgress,
    /// <summary>挂起 / 特别程序.</summary>
    Suspended,
    /// <summary>准予许可: decided, certificate still to issue and deliver.</summary>
    Granted,
    /// <summary>不予许可: decided, decision still to deliver.</summary>
    Denied,
    /// <summary>不予受理 (terminal once the case is closed).</summary>
    Refused,
    /// <summary>撤回 (terminal).</summary>
    Withdrawn,
    /// <summary>办结 (terminal).</summary>
    Completed,
    /// <summary>撤销: the decision was revoked (a false pledge found by the check); terminal.</summary>
    Revoked,
    /// <summary>终止办理 (terminal): a deferred (容缺) material never came; see <see cref="CaseState.Termination"/>.</summary>
    Terminated,
}

public static class CaseStatusLabels
{
    public static string Label(this CaseStatus status) => status switch
    {
        CaseStatus.Received => "已收件",
        CaseStatus.Accepted => "已受理",
        CaseStatus.Supplementing => "补正中",
        CaseStatus.InProgress => "办理中",
        CaseStatus.Suspended => "挂起",
        CaseStatus.Granted => "准予许可",
        CaseStatus.Denied => "不予许可",
        CaseStatus.Refused => "不予受理",
        CaseStatus.Withdrawn => "已撤回",
        CaseStatus.Completed => "已办结",
        CaseStatus.Revoked => "已撤销",
        CaseStatus.Terminated => "终止办理",
        _ => status.ToString(),
    };

    /// <summary>Statuses in which back-office work goes on and the case clock runs.</summary>
    public static bool IsRunning(this CaseStatus status) =>
        status is CaseStatus.InProgress or CaseStatus.Granted or CaseStatus.Denied or CaseStatus.Refused;
}
