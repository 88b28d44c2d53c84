namespace Workflows.Engine.State;

/// <summary>
/// The scope of one parallel split: how many branches it started, so the join knows when every
/// branch has arrived. Nested splits point to their enclosing one.
/// </summary>
public sealed record ForkScope(string Id, int Width, ForkScope? Parent);

/// <summary>A point of execution: where the case waits (a task, a timer, a join, the intake window).</summary>
public sealed record Token(string Id, string StepId, ForkScope? Fork = null, DateOnly? WakeOn = null);
