using Workflows.Definitions.Model;
using Workflows.Domain;
using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;
using Workflows.Engine.State;

namespace Workflows.Engine.Handlers;

/// <summary>
/// 暂定 dates made firm: when a year's schedule is published, each due date counted through that
/// year with the statutory holidays only is counted again. Working-day counting is additive, so a
/// date counted n working days after its origin (pauses and extensions included) is moved to the
/// n-th working day after the same origin on the published schedule.
/// </summary>
internal static class RecomputeHandler
{
    public static void Recompute(CaseTransaction tx, RecomputeDeadlines command)
    {
        var now = tx.Deadlines.Calendar;
        var missing = (command.PublishedYears ?? []).Where(y => !now.Covers(new DateOnly(y, 1, 1))).ToList();
        if (missing.Count > 0)
            throw Fail.Invalid($"工作日历中没有 {string.Join("、", missing)} 年 (the calendar does not contain these years)");
        // A closed case keeps the dates it was handled under: nothing to recompute.
        if (tx.State.IsClosed) return;
        var state = tx.State;
        var clocks = state.Clocks;
        var acceptanceOrigin = state.SupplementHistory.LastOrDefault(n => n.BeforeAcceptance && n.SupplementedOn is not null)?.SupplementedOn
            ?? clocks.ReceivedOn;
        var years = command.PublishedYears?.ToHashSet() ?? YearsNowPublished(state, now, acceptanceOrigin);
        if (years.Count == 0) return;
        var before = now.Without(years);

        // Only a date marked provisional was counted through an unpublished year.
        DateOnly Recount(DateOnly due, bool provisional, DateOnly origin, DurationUnit unit)
        {
            if (!provisional || !before.IsProvisional(origin, due)) return due;
            // A calendar-day period only moves off a day that is no longer a working day.
            if (unit == DurationUnit.CalendarDays) return tx.Deadlines.NextWorkingDayFrom(due);
            return now.AddWorkingDays(origin, before.WorkingDaysBetween(origin, due));
        }

        var acceptanceDue = state.Status == CaseStatus.Received
            ? Recount(clocks.AcceptanceDue, clocks.AcceptanceDueProvisional, acceptanceOrigin, DurationUnit.WorkingDays)
            : clocks.AcceptanceDue;
        DateOnly? statutoryDue = clocks.StatutoryDue, promisedDue = clocks.PromisedDue;
        if (clocks.AcceptedOn is { } accepted)
        {
            if (statutoryDue is { } s) statutoryDue = Recount(s, clocks.DecisionDueProvisional, accepted, clocks.StatutoryLimit?.Unit ?? DurationUnit.WorkingDays);
            if (promisedDue is { } p) promisedDue = Recount(p, clocks.DecisionDueProvisional, accepted, clocks.PromisedLimit?.Unit ?? DurationUnit.WorkingDays);
        }

        var taskDues = new List<TaskDueMoved>();
        foreach (var task in state.ActiveTasks.Where(t => t.Due is not null))
        {
            var unit = tx.Workflow.Find(task.StepId) is Graph.WorkNode { Limit: { } limit } ? limit.Unit : DurationUnit.WorkingDays;
            var due = Recount(task.Due!.Value, task.DueProvisional, task.CreatedOn, unit);
            var provisional = tx.Deadlines.IsProvisional(due);
            if (due != task.Due || provisional != task.DueProvisional) taskDues.Add(new TaskDueMoved(task.Id, due) { Provisional = provisional });
        }

        var acceptanceProvisional = tx.Deadlines.IsProvisional(acceptanceDue);
        var decisionProvisional = tx.Deadlines.IsProvisional(statutoryDue) || tx.Deadlines.IsProvisional(promisedDue);
        var changed = acceptanceDue != clocks.AcceptanceDue || statutoryDue != clocks.StatutoryDue || promisedDue != clocks.PromisedDue
            || acceptanceProvisional != clocks.AcceptanceDueProvisional || decisionProvisional != clocks.DecisionDueProvisional
            || taskDues.Count > 0;
        if (!changed) return;
        tx.Emit(new DeadlinesRecomputed([.. years.Order()], acceptanceDue, acceptanceProvisional, statutoryDue, promisedDue, decisionProvisional, taskDues));
    }

    /// <summary>The years the calendar now has that some provisional date of the case was counted through.</summary>
    private static HashSet<int> YearsNowPublished(CaseState state, WorkingCalendar now, DateOnly acceptanceOrigin)
    {
        var ranges = new List<(DateOnly From, DateOnly To)>();
        var clocks = state.Clocks;
        if (clocks.AcceptanceDueProvisional) ranges.Add((acceptanceOrigin, clocks.AcceptanceDue));
        if (clocks.DecisionDueProvisional && clocks.AcceptedOn is { } accepted)
            ranges.AddRange(new[] { clocks.StatutoryDue, clocks.PromisedDue }.OfType<DateOnly>().Select(d => (accepted, d)));
        ranges.AddRange(state.ActiveTasks.Where(t => t.DueProvisional && t.Due is not null).Select(t => (t.CreatedOn, t.Due!.Value)));
        return ranges
            .SelectMany(r => Enumerable.Range(r.From.Year, Math.Max(0, r.To.Year - r.From.Year) + 1))
            .Where(year => now.Covers(new DateOnly(year, 1, 1)))
            .ToHashSet();
    }
}
