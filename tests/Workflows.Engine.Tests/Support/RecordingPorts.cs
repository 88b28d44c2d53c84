using Workflows.Engine.Ports;
using Workflows.Engine.State;

namespace Workflows.Engine.Tests.Support;

/// <summary>Test double for the document port (allowed by the issue): numbers documents per template.</summary>
internal sealed class RecordingDocuments : IDocumentPort
{
    public List<(string TemplateId, string CaseNumber)> Rendered { get; } = [];

    public string Render(string templateId, CaseState state)
    {
        Rendered.Add((templateId, state.Number));
        return $"doc-{Rendered.Count}:{templateId}";
    }
}

internal sealed class RecordingNotifier : INotifier
{
    public List<CaseNotification> Sent { get; } = [];

    public void Notify(CaseNotification notification, CaseState state) => Sent.Add(notification);
}

/// <summary>Activities whose result comes from the step's own configuration (<c>outcome</c>, <c>fail</c>).</summary>
internal sealed class ConfiguredActivities : IActivityPort
{
    public List<ActivityRequest> Runs { get; } = [];

    public ActivityResult Run(ActivityRequest request, CaseState state)
    {
        Runs.Add(request);
        if (request.Config.TryGetValue("fail", out var error)) return ActivityResult.Failure(error);
        var output = new System.Text.Json.Nodes.JsonObject { ["checkedApplicant"] = state.Applicant.Name };
        return ActivityResult.Success(request.Config.GetValueOrDefault("outcome"), output);
    }
}
