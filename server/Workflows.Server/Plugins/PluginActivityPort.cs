using System.Text.Json;
using System.Text.Json.Nodes;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using PluginActivityContext = Workflows.Plugins.Abstractions.ActivityContext;

namespace Workflows.Server.Plugins;

/// <summary>
/// The engine's activity port over the plugins' step activities. The engine's step runs inside
/// the command, so the plugin is awaited there, with a time limit: a hung activity fails the
/// command (nothing is stored) instead of holding the case.
/// </summary>
public sealed class PluginActivityPort(PluginRegistry plugins, TimeSpan? timeLimit = null) : IActivityPort
{
    private readonly TimeSpan _timeLimit = timeLimit ?? TimeSpan.FromSeconds(30);

    public Engine.Ports.ActivityResult Run(ActivityRequest request, CaseState state)
    {
        if (!plugins.Activities.TryGetValue(request.Activity, out var activity))
            return Engine.Ports.ActivityResult.Failure($"未加载插件活动 {request.Activity} (no plugin provides this activity)");
        var context = new PluginActivityContext(state.Id, state.Number, state.ItemId, request.StepId, request.Config,
            JsonSerializer.SerializeToNode(state.Applicant, CaseJson.Options)!.AsObject(), (JsonObject)state.FormData.DeepClone());
        using var limit = new CancellationTokenSource(_timeLimit);
        try
        {
            var result = activity.ExecuteAsync(context, limit.Token).GetAwaiter().GetResult();
            return result.Error is { } error
                ? Engine.Ports.ActivityResult.Failure(error)
                : Engine.Ports.ActivityResult.Success(result.Outcome, result.Data);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            return Engine.Ports.ActivityResult.Failure($"插件活动 {request.Activity} 超过 {_timeLimit.TotalSeconds:0} 秒未完成 (timed out)");
        }
        catch (Exception e)
        {
            return Engine.Ports.ActivityResult.Failure($"插件活动 {request.Activity} 出错 (failed): {e.Message}");
        }
    }
}
