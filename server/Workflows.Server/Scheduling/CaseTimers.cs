using System.Globalization;
using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Storage;

namespace Workflows.Server.Scheduling;

/// <summary>
/// The one kind of store timer cases use: "tick this case on that China-time day". The engine's
/// Tick decides everything time-driven (acceptance lapse, timer steps, 预警, 超期), and
/// <see cref="NextWake"/> says on which day it next has something to do.
/// </summary>
public static class CaseTimers
{
    public const string TickKind = "case.tick";

    /// <summary>Five seconds past midnight China time: the day has begun for the engine on every node.</summary>
    public static readonly TimeOnly WakeTime = new(0, 0, 5);


    /// <summary>
    /// The timer that wakes the case on its next wake day, or none. The id is deterministic, so a
    /// retried command or a second change waking on the same day schedules the same timer. A wake
    /// that is already due (a Tick was missed) also names the version, because the day's timer
    /// may have fired already and a fired id never fires again.
    /// </summary>
    public static IReadOnlyList<ScheduledTimer> For(Guid caseId, CaseState state, WorkingCalendar calendar, ClockSettings? settings, DateTimeOffset now)
    {
        var today = NextWake.ChinaDay(now);
        if (NextWake.Of(state, calendar, settings, today) is not { } day) return [];
        var id = $"{caseId:D}:tick:{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        if (day <= today) id += $":v{state.Version}";
        return [new ScheduledTimer(id, caseId, TickKind, DueAt(day))];
    }

    public static DateTimeOffset DueAt(DateOnly day) => new(day.ToDateTime(WakeTime), ChinaTime.Offset);
}
