using Workflows.Engine.Queries;
using Workflows.Engine.State;
using Workflows.Server.Hosting;
using Workflows.Storage;
using Workflows.Domain;

namespace Workflows.Server.Cases;

/// <summary>
/// The figure columns of a case (<see cref="CaseFigures"/>), computed from its state with each change
/// and written in the same transaction, so supervision and the inboxes never load snapshots to count.
/// </summary>
public static class CaseFigureIndex
{
    public static CaseFigures Of(CaseState state, DefinitionSnapshot snapshot, Workflows.Definitions.Model.ItemDefinition? item)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(snapshot);
        var deadline = DeadlineLevels.OfCase(state, snapshot.Calendar, DeadlineLevels.WarningAt(snapshot.Set.Office?.Clock));
        var open = state.ActiveTasks.ToList();
        DateOnly? closedOn = state.ClosedAt is { } closedAt ? Day(closedAt) : null;
        bool? onTime = closedOn is { } closed && state.Clocks.AcceptedOn is not null && state.Status != CaseStatus.Withdrawn
            ? state.Clocks.PromisedDue is not { } due || closed <= due
            : null;
        return new CaseFigures(
            ItemId: state.ItemId,
            ItemDepartment: item?.Guide?.Department,
            LevelDue: deadline.Due,
            WarnFrom: deadline.WarnFrom,
            Suspended: deadline.Suspended,
            ReceivedOn: state.Clocks.ReceivedOn == default ? Day(state.ReceivedAt) : state.Clocks.ReceivedOn,
            ClosedOn: closedOn,
            OnTime: onTime,
            Rating: state.Evaluation?.Level.ToString(),
            Assignees: open.Count == 0 ? null : CaseIndex.PartiesOf(open.SelectMany(t => t.Signers.Select(s =>
                CaseFigures.AssigneeKey(s.Assignee.Department, s.Assignee.Window, s.Assignee.Role, t.ClaimedBy)))),
            TaskDue: open.Select(t => t.Due).Where(d => d is not null).Min(),
            ProcedureDue: state.ActiveProcedure?.AnnouncedEnd,
            // The 核查 task outlives 办结: its due date while it is open, so supervision counts it once past.
            PledgeCheckDue: state.Pledge is { CheckTaskId: { } check } && open.Any(t => t.Id == check) ? state.Pledge.CheckDue : null);
    }

    /// <summary>The China-time (UTC+8) calendar day of an instant.</summary>
    public static DateOnly Day(DateTimeOffset at) => ChinaTime.DateOf(at);
}
