using Workflows.Engine.Intents;
using Workflows.Engine.Ports;
using Workflows.Engine.State;

namespace Workflows.Engine.Tests.Support;

/// <summary>The render intents the commands returned, in order (template and the case number the document shows).</summary>
internal sealed class RecordingDocuments
{
    public List<(string TemplateId, string CaseNumber)> Rendered { get; } = [];

    public List<RenderDocument> Intents { get; } = [];

    public void Record(RenderDocument intent)
    {
        Intents.Add(intent);
        Rendered.Add((intent.TemplateId, intent.State.Number));
    }
}

/// <summary>The notifications the commands asked for.</summary>
internal sealed class RecordingNotifier
{
    public List<CaseNotification> Sent { get; } = [];
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
