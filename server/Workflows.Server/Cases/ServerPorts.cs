using Workflows.Engine.Ports;
using Workflows.Engine.State;

namespace Workflows.Server.Cases;

/// <summary>The server's clock: the system time. Only tests pass another <see cref="IClock"/>.</summary>
public sealed class SystemClock : IClock
{
    public static SystemClock Instance { get; } = new();

    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}

/// <summary>
/// For now a no-op that records nothing outside the case: the engine already records a
/// notification-sent event. Forwarding to the plugins' <c>ICaseEventNotifier</c>s belongs after
/// the commit (from the stored events), not inside the engine's run, where a command that then
/// loses a version race would already have been announced.
/// </summary>
public sealed class DeferredNotifier : INotifier
{
    public void Notify(CaseNotification notification, CaseState state) { }
}

/// <summary>Without plugins (tools, tests): a plugin step fails its command (WF6025), nothing is stored.</summary>
public sealed class UnavailableActivityPort : IActivityPort
{
    public ActivityResult Run(ActivityRequest request, CaseState state) =>
        ActivityResult.Failure($"未加载插件活动 {request.Activity} (no plugins in this process)");
}
