using Workflows.Domain;
using Workflows.Domain.Tests;

namespace Workflows.Engine.Tests.Support;

/// <summary>The 2025 and 2026 State Council schedules (DOMAIN.md §5), shared with the domain tests.</summary>
internal static class OfficialCalendar
{
    public static WorkingCalendar Calendar => OfficialSchedules.Calendar;

    public static DateOnly Date(string text) => OfficialSchedules.Date(text);
}
