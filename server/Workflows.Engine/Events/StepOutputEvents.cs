using System.Text.Json.Nodes;
using Workflows.Engine.State;

namespace Workflows.Engine.Events;

/// <summary>制证 / a notice rendered through the document port.</summary>
public sealed record DocumentIssued(string TemplateId, string DocumentId, string? StepId) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Documents = state.Documents.Add(new IssuedDocument(TemplateId, DocumentId, StepId, At)),
    };
}

public sealed record NotificationSent(string StepId, string? TemplateId) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Notifications = state.Notifications.Add(new SentNotification(StepId, TemplateId, At)),
    };
}

public sealed record ActivityCompleted(string StepId, string Activity, string? Outcome, JsonObject? Output) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Activities = state.Activities.Add(new ActivityRecord(StepId, Activity, Outcome, (JsonObject?)Output?.DeepClone(), At)),
    };
}
