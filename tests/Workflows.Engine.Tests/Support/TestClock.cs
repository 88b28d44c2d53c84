using Workflows.Engine.Ports;

namespace Workflows.Engine.Tests.Support;

/// <summary>A clock the test moves: the engine's time port exists so that tests (and only tests) can do this.</summary>
internal sealed class TestClock : IClock
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public DateTimeOffset Now { get; private set; }

    /// <summary>09:30 China time on the given day, when the hall is open.</summary>
    public void SetDay(string date) => Now = At(date);

    public static DateTimeOffset At(string date) =>
        new(OfficialCalendar.Date(date).ToDateTime(new TimeOnly(9, 30)), China);
}
