using System.Text.Json.Nodes;
using Workflows.Engine.State;

namespace Workflows.Engine.Ports;

/// <summary>Runs a plugin activity of a <c>plugin</c> step. Activities are synchronous: the step completes when Run returns.</summary>
public interface IActivityPort
{
    ActivityResult Run(ActivityRequest request, CaseState state);
}

public sealed record ActivityRequest(string Activity, string StepId, IReadOnlyDictionary<string, string> Config);

/// <summary>What an activity reports back. A failure fails the whole command, so nothing half-done is recorded.</summary>
public sealed record ActivityResult(bool Succeeded, string? Outcome = null, JsonObject? Output = null, string? Error = null)
{
    public static ActivityResult Success(string? outcome = null, JsonObject? output = null) => new(true, outcome, output);
    public static ActivityResult Failure(string error) => new(false, Error: error);
}
