using Workflows.Engine.Ports;
using Workflows.Engine.State;

namespace Workflows.Server.Cases;

/// <summary>The server's clock: the system time. Only tests pass another <see cref="IClock"/>.</summary>
public sealed class SystemClock : IClock
{
    public static SystemClock Instance { get; } = new();

    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}

/// <summary>Without plugins (tools, tests): a plugin step fails its command (WF6025), nothing is stored.</summary>
public sealed class UnavailableActivityPort : IActivityPort
{
    public ActivityResult Run(ActivityRequest request, CaseState state) =>
        ActivityResult.Failure($"未加载插件活动 {request.Activity} (no plugins in this process)");
}
