using Workflows.Definitions.Model;
using Workflows.Engine.State;

namespace Workflows.Engine.Graph;

/// <summary>
/// Turns an item's workflow as written (the YAML model, one <see cref="Step"/> class with every
/// property optional) into the typed graph the engine runs. Its input is a validated definition,
/// which always compiles; anything the validator would have refused throws
/// <see cref="WorkflowCompileException"/> naming the step and what it lacks, so a definition that
/// skipped validation fails here, once, instead of midway through a case.
/// </summary>
public static class WorkflowCompiler
{
    public static CompiledWorkflow Compile(ItemDefinition item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Workflow is not { Steps.Count: > 0 } workflow)
            throw new WorkflowCompileException($"事项 {item.Id} 没有办理流程 (the item has no workflow)");
        return new Compilation(item.Id, workflow).Run();
    }

    private sealed class Compilation(string itemId, Workflow workflow)
    {
        private readonly List<StepTarget> _targets = [];

        public CompiledWorkflow Run()
        {
            var nodes = new List<StepNode>(workflow.Steps.Count);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var step in workflow.Steps)
            {
                if (step.Id == Workflow.End) throw Error(step, "'end' 是保留的结束标识，不能用作步骤名 (end is reserved)");
                if (!ids.Add(step.Id)) throw Error(step, "步骤标识重复 (duplicate step id)");
                nodes.Add(Node(step));
            }
            if (nodes[0] is not IntakeNode intake)
                throw Error(workflow.Steps[0], "流程须从受理步骤开始 (the workflow must start with an intake step)");

            var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
            foreach (var target in _targets.Where(t => !t.IsEnd))
            {
                if (!byId.TryGetValue(target.Id, out var node))
                    throw new WorkflowCompileException($"事项 {itemId} 的流程引用了不存在的步骤 {target.Id} (unknown step)");
                target.Resolve(node);
            }
            return new CompiledWorkflow(itemId, nodes, BackOfficeAcceptance(intake));
        }

        // 前台收件、后台受理: the intake only receives and goes next to the department's acceptance task.
        private TaskNode? BackOfficeAcceptance(IntakeNode intake)
        {
            if (intake.Acceptance != AcceptanceSetUp.BackOffice) return null;
            if (intake.Exits is not NextExit { Next: { IsEnd: false } next })
                throw Error(intake.Id, "前台收件、后台受理：受理步骤须以 next 指向部门的受理决定步骤 (back-office acceptance needs next to the department's acceptance step)");
            return next.Node as TaskNode
                ?? throw Error(next.Id, "前台收件、后台受理：受理后的第一步须是部门的办理任务 (the step after intake must be a task)");
        }

        private StepNode Node(Step step) => step.Kind switch
        {
            StepKind.Intake => new IntakeNode(step.Id, step.Name,
                step.By?.Window ?? throw Error(step, "受理步骤须有 by.window（受理窗口） (missing by.window)"),
                step.Acceptance ?? AcceptanceSetUp.Window, step.Limit, Exits(step)),
            StepKind.Task => new TaskNode(step.Id, step.Name, Assignee(step, step.By), step.Limit, Procedure(step), Exits(step)),
            StepKind.Countersign => new CountersignNode(step.Id, step.Name,
                step.Mode ?? throw Error(step, "会签步骤须有 mode（all 会签 / any 或签） (missing mode)"),
                Signers(step), step.Limit, Procedure(step), Exits(step)),
            StepKind.Parallel => new ParallelNode(step.Id, step.Name,
                step.Branches.Count >= 2 ? step.Branches.Select(Target).ToList() : throw Error(step, "并行步骤须有至少两个 branches (at least two branches)"),
                step.Limit),
            StepKind.Join => new JoinNode(step.Id, step.Name, Next(step)),
            StepKind.Branch => new BranchNode(step.Id, step.Name,
                step.Cases.Count > 0 ? step.Cases.Select(c => new BranchRoute(c.When, Target(c.Next))).ToList() : throw Error(step, "条件分支须有 cases (missing cases)"),
                step.Otherwise is { } otherwise ? Target(otherwise) : null),
            StepKind.Document => new DocumentNode(step.Id, step.Name, Template(step), step.By is { } by ? TaskAssignee.From(by) : null, Next(step)),
            StepKind.Notify => new NotifyNode(step.Id, step.Name, Template(step), Next(step)),
            StepKind.Timer => new TimerNode(step.Id, step.Name,
                step.After ?? throw Error(step, "定时步骤须有 after（等待时长） (the timer has no duration)"), Next(step)),
            StepKind.Subcase => new SubcaseNode(step.Id, step.Name, step.Item, step.Limit, Exits(step)),
            StepKind.Plugin => new PluginNode(step.Id, step.Name,
                step.Activity ?? throw Error(step, "插件步骤须有 activity（插件活动） (the plugin step names no activity)"),
                step.Config.ToDictionary(pair => pair.Key, pair => pair.Value).AsReadOnly(), Exits(step)),
            _ => throw Error(step, $"未知步骤类型 {step.Kind} (unknown step kind)"),
        };

        private StepExits Exits(Step step)
        {
            if (step.Outcomes.Count == 0)
                return new NextExit(step.Next is { } next ? Target(next) : throw Error(step, "须有 next 或 outcomes（下一步） (missing next or outcomes)"));
            return new OutcomeExits(step.Outcomes.Select(o => new StepOutcome(o.Key, Target(o.Value))).ToList(),
                step.Next is { } fallback ? Target(fallback) : null);
        }

        private StepTarget Next(Step step) =>
            Target(step.Next ?? throw Error(step, "须有 next（下一步） (missing next)"));

        private StepTarget Target(string id)
        {
            var target = new StepTarget(id);
            _targets.Add(target);
            return target;
        }

        private TaskAssignee Assignee(Step step, Assignee? by) =>
            by is { Window: not null } or { Department: not null, Role: not null }
                ? TaskAssignee.From(by)
                : throw Error(step, "须指定办理人 by：部门和角色，或窗口 (an assignee is required)");

        private List<TaskAssignee> Signers(Step step) =>
            step.Signers.Count >= 2
                ? step.Signers.Select(s => Assignee(step, s)).ToList()
                : throw Error(step, "会签步骤须有至少两个 signers（会签人） (at least two signers)");

        private string Template(Step step) =>
            step.Template ?? throw Error(step, "须有 template（模板） (missing template)");

        private ProcedureSpec? Procedure(Step step)
        {
            if (step.Procedure is not { } procedure) return null;
            if (string.IsNullOrWhiteSpace(procedure.Basis) || procedure.Duration is not { Value: > 0 } duration)
                throw Error(step, "特别程序缺少法律依据或告知时长 (the excluded procedure needs basis and duration)");
            return new ProcedureSpec(procedure.Kind, procedure.Name ?? step.Name ?? step.Id, procedure.Basis.Trim(), duration, procedure.TemplateOrDefault);
        }

        private WorkflowCompileException Error(Step step, string what) => Error(step.Id, what);

        private WorkflowCompileException Error(string stepId, string what) =>
            new($"事项 {itemId} 的步骤 {stepId}：{what}");
    }
}

/// <summary>A workflow the validator would have refused: the definition cannot run.</summary>
public sealed class WorkflowCompileException(string message) : Exception(message);
