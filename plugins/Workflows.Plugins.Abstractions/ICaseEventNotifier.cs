using System.Text.Json.Nodes;

namespace Workflows.Plugins.Abstractions;

/// <summary>One stored case event, as notifiers see it.</summary>
/// <param name="DeliveryId">Unique per event: receivers use it to drop duplicates, since delivery is at least once.</param>
public sealed record CaseEventNotice(
    string DeliveryId,
    string CaseId,
    string CaseNumber,
    string ItemId,
    string EventType,
    DateTimeOffset OccurredAt,
    JsonObject Data);

public interface ICaseEventNotifier
{
    string Name { get; }

    /// <summary>Delivers one event. Throwing or returning false means "not delivered"; the notifier owns its retries.</summary>
    Task<bool> NotifyAsync(CaseEventNotice notice, CancellationToken cancellationToken);
}
