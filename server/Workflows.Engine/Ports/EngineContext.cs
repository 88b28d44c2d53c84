using Workflows.Domain;

namespace Workflows.Engine.Ports;

/// <summary>Everything the engine may consult besides the case itself. All side effects go through these ports.</summary>
public sealed record EngineContext(
    IClock Clock,
    WorkingCalendar Calendar,
    PublishedItem Item,
    IConditionEvaluator Conditions,
    IDocumentPort Documents,
    INotifier Notifier,
    IActivityPort Activities);
