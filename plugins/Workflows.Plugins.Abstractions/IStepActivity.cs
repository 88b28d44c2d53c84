using System.Text.Json.Nodes;

namespace Workflows.Plugins.Abstractions;

/// <summary>What a plugin step sees of the case: the form, the applicant and the step's <c>config</c> map.</summary>
public sealed record ActivityContext(
    string CaseId,
    string CaseNumber,
    string ItemId,
    string StepId,
    IReadOnlyDictionary<string, string> Config,
    JsonObject Applicant,
    JsonObject Form);

/// <summary>The step's result: an outcome name routed by the step's <c>outcomes</c> (or null for <c>next</c>) and data kept on the case.</summary>
public sealed record ActivityResult(string? Outcome, JsonObject? Data = null, string? Error = null)
{
    public static ActivityResult Done(JsonObject? data = null) => new(null, data);
    public static ActivityResult Failed(string error) => new(null, null, error);
}

public interface IStepActivity
{
    /// <summary>The name workflow files use: <c>activity: &lt;name&gt;</c>.</summary>
    string Name { get; }

    Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}
