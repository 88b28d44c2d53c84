using Workflows.Engine.State;

namespace Workflows.Engine.Intents;

/// <summary>
/// An effect a command asks for (DESIGN.md "Effects"). The engine never performs it: a command
/// returns its intents with its events, the store writes both in one transaction (the outbox),
/// and the server's effect runner carries each out after the commit, once, idempotently.
/// </summary>
public abstract record CaseIntent
{
    /// <summary>
    /// Deterministic for the command (<c>{case}-{version}-{ordinal}</c>): a retried effect keeps
    /// it, so the runner and any receiver de-duplicate on it.
    /// </summary>
    public string Id { get; init; } = "";
}

/// <summary>
/// Render this template for the case and keep it as <paramref name="DocumentId"/> (already named by
/// the command's <c>DocumentIssued</c> event). <paramref name="State"/> is the case as the document
/// must show it (before the document itself was recorded); <paramref name="Today"/> its date.
/// </summary>
public sealed record RenderDocument(string TemplateId, string DocumentId, string? StepId, DateOnly Today, CaseState State) : CaseIntent;

/// <summary>
/// Enter the certificate rendered as <paramref name="DocumentId"/> in the register behind
/// <c>/verify</c>. The server writes the register row in the command's own transaction, so the
/// register can never disagree with the committed outcome.
/// </summary>
public sealed record RegisterCertificate(string TemplateId, string DocumentId, DateOnly Today, CaseState State) : CaseIntent;

/// <summary>Tell the notifier plugins (a notify step, 催办, 预警, 超期).</summary>
public sealed record Notify(CaseNotification Notification) : CaseIntent;

public enum NotificationKind
{
    /// <summary>A notify step of the workflow (送达告知书...).</summary>
    Step,
    /// <summary>催办.</summary>
    Urge,
    /// <summary>预警.</summary>
    Warning,
    /// <summary>超期.</summary>
    Overdue,
    /// <summary>催补: a deferred (容缺) material passed its catch-up date.</summary>
    CatchUp,
    /// <summary>终止办理.</summary>
    Terminated,
}

public sealed record CaseNotification(NotificationKind Kind, string? StepId = null, string? TemplateId = null, string? TaskId = null, string? Message = null);
