namespace Workflows.Engine.Ports;

/// <summary>The engine never reads the system clock: time comes in through this port, so tests can move it.</summary>
public interface IClock
{
    /// <summary>The current instant; the engine converts it to China time (UTC+8) to find "today".</summary>
    DateTimeOffset Now { get; }
}
