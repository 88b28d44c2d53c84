using Workflows.Engine.State;

namespace Workflows.Engine.Ports;

/// <summary>Delivers notifications (notify steps, urges, deadline alerts) through a plugin.</summary>
public interface INotifier
{
    void Notify(CaseNotification notification, CaseState state);
}

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
}

public sealed record CaseNotification(NotificationKind Kind, string? StepId = null, string? TemplateId = null, string? TaskId = null, string? Message = null);
