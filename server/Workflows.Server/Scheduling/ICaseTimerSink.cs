using Workflows.Storage;

namespace Workflows.Server.Scheduling;

/// <summary>
/// Where <see cref="Cases.CaseService"/> hands the timers of a change once the store committed it.
/// The store keeps the truth; the sink only arms the scheduler, so a sink that fails (or a process
/// that dies before the hand-off) loses nothing: the start-up rebuild and the sweeps find the timer.
/// Implementations never throw.
/// </summary>
public interface ICaseTimerSink
{
    Task ScheduledAsync(IReadOnlyList<ScheduledTimer> timers, CancellationToken cancellationToken = default);
}
