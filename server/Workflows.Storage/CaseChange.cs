namespace Workflows.Storage;

/// <summary>
/// What one command writes: its events, the case's new snapshot and the timers it starts.
/// Timers travel with the change so a crash can never keep the events and lose the timer.
/// </summary>
public sealed record CaseChange(IReadOnlyList<NewEvent> Events, CaseSnapshot Snapshot)
{
    public IReadOnlyList<ScheduledTimer> Timers { get; init; } = [];
}
