using Workflows.Domain;

namespace Workflows.Engine.Ports;

/// <summary>
/// Everything the engine may consult besides the case itself. Side effects are not ports: a
/// command returns them as intents (<see cref="Intents.CaseIntent"/>). Plugin activities stay a
/// port because their outcome routes the case within the command.
/// </summary>
public sealed record EngineContext(
    IClock Clock,
    WorkingCalendar Calendar,
    PublishedItem Item,
    IConditionEvaluator Conditions,
    IActivityPort Activities);
