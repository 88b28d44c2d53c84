using Workflows.Definitions.Diagnostics;
using Workflows.Definitions.Model;

namespace Workflows.Definitions.Validation;

/// <summary>
/// The routing graph: each step kind has what it needs, every step is reachable from the first,
/// every step can reach <c>end</c>, parallel branches meet at a join, the intake window accepts the
/// item's department, and step limits fit within the promised limit.
/// </summary>
public static class WorkflowRules
{
    // Which optional step members mean something for each kind; others are flagged as misplaced.
    private static readonly Dictionary<StepKind, string[]> Allowed = new()
    {
        [StepKind.Intake] = ["By", "Acceptance", "Limit", "Next", "Outcomes"],
        [StepKind.Task] = ["By", "Limit", "Procedure", "Next", "Outcomes"],
        [StepKind.Countersign] = ["Mode", "Signers", "Limit", "Procedure", "Next", "Outcomes"],
        [StepKind.Parallel] = ["Branches", "Limit"],
        [StepKind.Join] = ["Next"],
        [StepKind.Branch] = ["Cases", "Otherwise"],
        [StepKind.Document] = ["Template", "By", "Next"],
        [StepKind.Notify] = ["Template", "Next"],
        [StepKind.Timer] = ["After", "Next"],
        [StepKind.Subcase] = ["Item", "Limit", "Next", "Outcomes"],
        [StepKind.Plugin] = ["Activity", "Config", "Next", "Outcomes"],
    };

    private static readonly string[] Optional = ["By", "Acceptance", "Limit", "Next", "Outcomes", "Branches", "Cases", "Otherwise", "Mode", "Signers", "Template", "After", "Item", "Activity", "Config"];

    /// <summary>The keys (as written in the file) a step of <paramref name="kind"/> may have besides kind and name: the designer's step palette.</summary>
    /// <summary>The step kinds the engine runs: what the designer offers.</summary>
    public static bool IsRunnable(StepKind kind) => kind != StepKind.Subcase;

    public static IReadOnlyList<string> KeysOf(StepKind kind) => Allowed[kind].Select(Mapping.Naming.Kebab).ToList();

    public static IEnumerable<string> Successors(Step step) =>
        new[] { step.Next, step.Otherwise }.OfType<string>()
            .Concat(step.Outcomes.Values)
            .Concat(step.Branches)
            .Concat(step.Cases.Select(c => c.Next));

    public static void Check(ValidationContext context, ItemDefinition item, Workflow workflow)
    {
        if (workflow.Steps.Count == 0)
        {
            context.Error(DiagnosticCodes.MissingKey, workflow, "Steps", "流程没有步骤 (the workflow has no steps)");
            return;
        }
        if (workflow.Steps.Any(s => s.Id == Workflow.End))
            context.Error(DiagnosticCodes.InvalidId, workflow.Steps.First(s => s.Id == Workflow.End), "Id", "'end' 是保留的结束标识，不能用作步骤名 (end is reserved)");
        foreach (var step in workflow.Steps) CheckStep(context, item, step);
        CheckGraph(context, workflow);
        CheckLimits(context, item, workflow);
    }

    private static void CheckStep(ValidationContext context, ItemDefinition item, Step step)
    {
        var set = context.Set;
        string Missing(string key, string what) => $"{Kind(step)}步骤 '{step.Id}' 须有 {key}（{what}） (missing {key})";
        var hasExit = step.Next is not null || step.Outcomes.Count > 0;
        switch (step.Kind)
        {
            case StepKind.Intake:
                if (step.By?.Window is not { } windowId)
                    context.Error(DiagnosticCodes.StepWithoutAssignee, step, "Kind", Missing("by.window", "受理窗口"));
                else if (set.Windows.FirstOrDefault(w => w.Id == windowId) is { } window && !context.IsBroken(item.Guide) && !context.IsBroken(window) && item.Guide is { } guide
                         && window.Kind == WindowKind.Comprehensive && !window.Departments.Contains(guide.Department))
                    context.Error(DiagnosticCodes.IntakeWindowMismatch, step.By, "Window",
                        $"窗口 '{windowId}' 不受理部门 '{guide.Department}' 的事项，应由受理该部门事项的综合窗口受理 (the intake window does not accept this department)");
                if (!hasExit) context.Error(DiagnosticCodes.NoWayOut, step, "Kind", Missing("next 或 outcomes", "下一步"));
                break;
            case StepKind.Task or StepKind.Subcase or StepKind.Plugin:
                if (step.Kind == StepKind.Task) CheckAssignee(context, step.By, step, "By");
                if (step.Kind == StepKind.Subcase)
                    context.Error(DiagnosticCodes.StepKindNotRunnable, step, "Kind",
                        $"子办件步骤 '{step.Id}' 暂不能运行，请改用联合审查或任务步骤 (sub-case steps are not supported by the engine yet)");
                if (step.Kind == StepKind.Plugin && step.Activity is null) context.Error(DiagnosticCodes.MissingKey, step, "Kind", Missing("activity", "插件活动"));
                if (!hasExit) context.Error(DiagnosticCodes.NoWayOut, step, "Kind", Missing("next 或 outcomes", "下一步"));
                break;
            case StepKind.Countersign:
                if (step.Mode is null) context.Error(DiagnosticCodes.MissingKey, step, "Kind", Missing("mode", "all 会签 / any 或签"));
                if (step.Signers.Count < 2) context.Error(DiagnosticCodes.StepWithoutAssignee, step, "Kind", Missing("至少两个 signers", "会签人"));
                foreach (var signer in step.Signers) CheckAssignee(context, signer, signer, null);
                if (!hasExit) context.Error(DiagnosticCodes.NoWayOut, step, "Kind", Missing("next 或 outcomes", "下一步"));
                break;
            case StepKind.Parallel:
                if (step.Branches.Count < 2) context.Error(DiagnosticCodes.MissingKey, step, "Kind", Missing("至少两个 branches", "并行分支"));
                break;
            case StepKind.Branch:
                if (step.Cases.Count == 0) context.Error(DiagnosticCodes.MissingKey, step, "Kind", Missing("cases", "条件分支"));
                if (step.Otherwise is null)
                    context.Warning(DiagnosticCodes.BranchWithoutOtherwise, step, "Kind", $"条件分支 '{step.Id}' 没有 otherwise：所有条件都不满足时办件将停在此处 (no otherwise)");
                break;
            case StepKind.Document or StepKind.Notify:
                if (step.Template is null) context.Error(DiagnosticCodes.MissingKey, step, "Kind", Missing("template", "模板"));
                if (step.Next is null) context.Error(DiagnosticCodes.NoWayOut, step, "Kind", Missing("next", "下一步"));
                break;
            case StepKind.Timer:
                if (step.After is null) context.Error(DiagnosticCodes.MissingKey, step, "Kind", Missing("after", "等待时长"));
                if (step.Next is null) context.Error(DiagnosticCodes.NoWayOut, step, "Kind", Missing("next", "下一步"));
                break;
            case StepKind.Join:
                if (step.Next is null) context.Error(DiagnosticCodes.NoWayOut, step, "Kind", Missing("next", "下一步"));
                break;
        }
        var allowed = Allowed[step.Kind];
        foreach (var member in Optional.Where(m => !allowed.Contains(m) && IsSet(step, m)))
            context.Warning(DiagnosticCodes.StepFieldMisplaced, step, member, $"{Kind(step)}步骤不使用 {Mapping.Naming.Kebab(member)}，该项不起作用 (ignored for this step kind)");
    }

    private static void CheckAssignee(ValidationContext context, Assignee? by, object owner, string? member)
    {
        if (by is null || (by.Window is null && by.Department is null))
        {
            context.Error(DiagnosticCodes.StepWithoutAssignee, owner, member ?? "Kind", "须指定办理人 by: 部门和角色（department、role）或窗口（window） (an assignee is required)");
            return;
        }
        if (by.Window is not null && by.Department is not null)
            context.Error(DiagnosticCodes.StepWithoutAssignee, by, "Window", "办理人只能是窗口或部门之一 (window and department are exclusive)");
        if (by.Department is not null && by.Role is null)
            context.Error(DiagnosticCodes.StepWithoutAssignee, by, "Department", "部门办理人须指定角色 role (a department assignee needs a role)");
        if (by.Role is not null && context.Set.Roles.FirstOrDefault(r => r.Id == by.Role) is { } role)
        {
            var expected = by.Window is not null ? RoleScope.Window : RoleScope.Department;
            if (role.Scope != expected && role.Scope != RoleScope.Office)
                context.Error(DiagnosticCodes.StepWithoutAssignee, by, "Role",
                    $"角色 '{role.Id}' 属于{Mapping.ScalarCodec.Describe(role.Scope)}，不能办理{Mapping.ScalarCodec.Describe(expected)}的任务 (role scope mismatch)");
        }
    }

    private static void CheckGraph(ValidationContext context, Workflow workflow)
    {
        var steps = workflow.Steps.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        var reachable = Reach(workflow.Steps[0].Id, id => steps.TryGetValue(id, out var s) ? Successors(s) : []);
        foreach (var step in workflow.Steps.Where(s => !reachable.Contains(s.Id)))
            context.Error(DiagnosticCodes.UnreachableStep, step, "Id", $"步骤 '{step.Id}' 从第一个步骤 '{workflow.Steps[0].Id}' 无法到达 (unreachable step)");

        var predecessors = workflow.Steps.SelectMany(s => Successors(s).Select(t => (from: s.Id, to: t)))
            .ToLookup(e => e.to, e => e.from);
        var canEnd = Reach(Workflow.End, id => predecessors[id]);
        foreach (var step in workflow.Steps.Where(s => reachable.Contains(s.Id) && !canEnd.Contains(s.Id)))
            context.Error(DiagnosticCodes.DeadEnd, step, "Id", $"从步骤 '{step.Id}' 出发无法到达办结 end：办件会停在这里 (dead end)");

        foreach (var parallel in workflow.Steps.Where(s => s.Kind == StepKind.Parallel))
        {
            foreach (var branch in parallel.Branches.Where(steps.ContainsKey))
            {
                var seen = Reach(branch, id => steps.TryGetValue(id, out var s) && s.Kind != StepKind.Join ? Successors(s) : []);
                if (!seen.Any(id => steps.TryGetValue(id, out var s) && s.Kind == StepKind.Join))
                    context.Error(DiagnosticCodes.ParallelWithoutJoin, parallel, "Branches",
                        $"并行分支 '{branch}' 不汇聚到任何 join 步骤：联合审查需等待各分支完成 (a parallel branch must reach a join)");
            }
        }
    }

    private static void CheckLimits(ValidationContext context, ItemDefinition item, Workflow workflow)
    {
        if (context.IsBroken(item.Guide) || item.Guide?.Limits.Promised is not { Unit: DurationUnit.WorkingDays } promised) return;
        var steps = workflow.Steps.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        var longest = LongestPath(workflow.Steps[0].Id, steps, []);
        if (longest > promised.Value)
            context.Warning(DiagnosticCodes.StepLimitsExceedPromised, workflow, "Steps",
                $"各步骤时限合计最多 {longest} 个工作日，超过承诺时限 {promised} (step limits exceed the promised limit)");
    }

    // The largest sum of step limits along any path; a step already on the path ends it (returns loop back).
    private static int LongestPath(string id, Dictionary<string, Step> steps, HashSet<string> onPath)
    {
        if (!steps.TryGetValue(id, out var step) || !onPath.Add(id)) return 0;
        var own = step.Limit is { Unit: DurationUnit.WorkingDays } limit ? limit.Value : 0;
        var next = step.Kind == StepKind.Parallel
            ? step.Branches.Select(b => LongestPath(b, steps, onPath)).DefaultIfEmpty(0).Max()
            : Successors(step).Select(s => LongestPath(s, steps, onPath)).DefaultIfEmpty(0).Max();
        onPath.Remove(id);
        return own + next;
    }

    private static HashSet<string> Reach(string start, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string> { start };
        var pending = new Queue<string>([start]);
        while (pending.TryDequeue(out var id))
            foreach (var n in next(id))
                if (seen.Add(n)) pending.Enqueue(n);
        return seen;
    }

    private static bool IsSet(Step step, string member) => typeof(Step).GetProperty(member)!.GetValue(step) switch
    {
        null => false,
        System.Collections.ICollection c => c.Count > 0,
        _ => true,
    };

    private static string Kind(Step step) => Mapping.ScalarCodec.Describe(step.Kind);
}
