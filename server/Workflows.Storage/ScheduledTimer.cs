namespace Workflows.Storage;

/// <summary>
/// A durable timer row: the scheduler keeps its in-memory triggers, the store keeps the truth,
/// so timers are rebuilt after a restart and each fires once (<see cref="ICaseStore.MarkFiredAsync"/>).
/// </summary>
/// <param name="Id">Deterministic per purpose (e.g. <c>{case}:overdue:{n}</c>) so rescheduling moves the same timer.</param>
/// <param name="CaseId">The case the timer belongs to.</param>
/// <param name="Kind">What to do when it fires, e.g. <c>clock.warning</c>.</param>
/// <param name="DueAt">When it fires (stored to whole microseconds).</param>
/// <param name="Payload">Opaque JSON for the handler.</param>
public sealed record ScheduledTimer(string Id, Guid CaseId, string Kind, DateTimeOffset DueAt, string Payload = "{}");
