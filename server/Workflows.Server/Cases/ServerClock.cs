using Workflows.Engine.Ports;

namespace Workflows.Server.Cases;

/// <summary>
/// The server's clock: the system time plus an offset that only a server started with
/// <c>--test-clock</c> lets a caller move (<c>POST /api/test/clock</c>), so end-to-end tests can
/// make a case overdue. Production servers cannot move time: <see cref="Movable"/> is false.
/// </summary>
public sealed class ServerClock(bool movable = false) : IClock
{
    private long _offsetTicks;

    public bool Movable { get; } = movable;

    public DateTimeOffset Now => DateTimeOffset.UtcNow + Offset;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Raised after the clock moved, so the scheduler can fire what became due.</summary>
    public event Action? Moved;

    public void MoveTo(DateTimeOffset instant)
    {
        if (!Movable) throw new InvalidOperationException("the server clock can only be moved when started with --test-clock");
        Interlocked.Exchange(ref _offsetTicks, (instant - DateTimeOffset.UtcNow).Ticks);
        Moved?.Invoke();
    }
}
