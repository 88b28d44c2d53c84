using System.Collections.Immutable;
using Workflows.Engine.State;

namespace Workflows.Engine.Events;

/// <summary>
/// Provisional due dates counted again after a year's schedule was published (DOMAIN.md §5). Carries
/// every resulting date and its provisional mark, so the fold needs no calendar; a date that did not
/// move is carried unchanged (its mark may still have cleared).
/// </summary>
public sealed record DeadlinesRecomputed(
    IReadOnlyList<int> PublishedYears,
    DateOnly AcceptanceDue,
    bool AcceptanceDueProvisional,
    DateOnly? StatutoryDue,
    DateOnly? PromisedDue,
    bool DecisionDueProvisional,
    IReadOnlyList<TaskDueMoved> TaskDues) : CaseEvent
{
    internal override CaseState ApplyTo(CaseState state) => state with
    {
        Tasks = state.Tasks.Select(task => TaskDues.FirstOrDefault(d => d.TaskId == task.Id) is { } moved
            ? task with { Due = moved.Due, DueProvisional = moved.Provisional }
            : task).ToImmutableList(),
        Clocks = state.Clocks with
        {
            AcceptanceDue = AcceptanceDue,
            AcceptanceDueProvisional = AcceptanceDueProvisional,
            StatutoryDue = StatutoryDue,
            PromisedDue = PromisedDue,
            DecisionDueProvisional = DecisionDueProvisional,
        },
    };
}
