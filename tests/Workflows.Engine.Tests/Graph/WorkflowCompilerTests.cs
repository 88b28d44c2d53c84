using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Engine.Errors;
using Workflows.Engine.Graph;
using Workflows.Engine.State;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Support.Steps;

namespace Workflows.Engine.Tests.Graph;

public class WorkflowCompilerTests
{
    public static TheoryData<string> SampleItems() => [.. SampleSet.Value.Items.Select(i => i.Id)];

    private static readonly Lazy<DefinitionSet> SampleSet = new(() =>
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Workflows.sln"))) root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Workflows.sln not found");
        return DefinitionLoader.Load(Path.Combine(root, "definitions"), Path.Combine(root, "templates"));
    });

    [Theory]
    [MemberData(nameof(SampleItems))]
    public void Every_sample_item_compiles_to_a_node_per_step_with_every_transition_resolved(string itemId)
    {
        var item = SampleSet.Value.Item(itemId)!;

        var graph = WorkflowCompiler.Compile(item);

        Assert.Equal(item.Workflow!.Steps.Select(s => (s.Id, s.Kind)), graph.Nodes.Select(n => (n.Id, n.Kind)));
        Assert.Same(graph.Nodes[0], graph.Start);
        foreach (var step in item.Workflow.Steps)
        {
            var node = graph.Node(step.Id);
            Assert.Equal(step.Outcomes.Keys, node.OutcomeNames);
            foreach (var (outcome, target) in step.Outcomes) AssertLeadsTo(graph, target, node.Follow(outcome));
            if (step.Next is { } next && node is not (ParallelNode or BranchNode)) AssertLeadsTo(graph, next, node.Follow(null));
        }
    }

    [Fact]
    public void The_samples_include_a_back_office_acceptance_that_the_graph_names()
    {
        var compiled = SampleSet.Value.Items.Where(i => i.Workflow is not null).Select(WorkflowCompiler.Compile).ToList();

        var backOffice = Assert.Single(compiled, g => g.BackOfficeAcceptance is not null);
        Assert.Equal(AcceptanceSetUp.BackOffice, backOffice.Start.Acceptance);
        Assert.Same(backOffice.BackOfficeAcceptance, backOffice.Start.Follow(null).Node);
        Assert.All(compiled.Where(g => g != backOffice), g => Assert.Equal(AcceptanceSetUp.Window, g.Start.Acceptance));
    }

    [Fact]
    public void Every_step_kind_compiles_to_its_own_node_type_with_its_settings_typed()
    {
        var expert = Task("expert", Items.Reviewer, next: "sign", limitDays: 7);
        expert.Procedure = new StepProcedure { Kind = ProcedureKind.ExpertReview, Basis = "  《条例》第十条 ", Duration = Duration.WorkingDays(10) };
        var item = Items.Item(
        [
            Intake("expert"),
            expert,
            Countersign("sign", SignMode.Any, [Items.Reviewer, Items.Head], ("approve", "split"), ("reject", Workflow.End)),
            Parallel("split", "check", "wait"),
            Plugin("check", "verify-licence", new Dictionary<string, string> { ["registry"] = "county" }, next: "join"),
            Timer("wait", 3, "join"),
            Join("join", "route"),
            Branch("route", "issue", ("form.urgent", "notify")),
            Document("issue", "certificates/teacher-qualification", "notify"),
            Notify("notify", "notices/done", "bundle"),
            Subcase("bundle", "water-permit", Workflow.End),
        ]);

        var graph = WorkflowCompiler.Compile(item);

        Assert.Equal(Enum.GetValues<StepKind>().Order(), graph.Nodes.Select(n => n.Kind).Order());
        var intake = graph.Start;
        Assert.Equal("comprehensive-1", intake.Window);
        Assert.Equal(AcceptanceSetUp.Window, intake.Acceptance);
        Assert.Null(graph.BackOfficeAcceptance);

        var task = Assert.IsType<TaskNode>(graph.Node("expert"));
        Assert.Equal(TaskAssignee.ForRole("education", "reviewer"), task.By);
        Assert.Equal(Duration.WorkingDays(7), task.Limit);
        Assert.Equal(new ProcedureSpec(ProcedureKind.ExpertReview, "expert", "《条例》第十条", Duration.WorkingDays(10), StepProcedure.DefaultTemplate), task.Procedure);

        var sign = Assert.IsType<CountersignNode>(graph.Node("sign"));
        Assert.Equal(SignMode.Any, sign.Mode);
        Assert.Equal([TaskAssignee.ForRole("education", "reviewer"), TaskAssignee.ForRole("education", "head")], sign.Signers);
        Assert.Equal(["approve", "reject"], sign.OutcomeNames);
        Assert.True(sign.Follow("reject").IsEnd);

        var split = Assert.IsType<ParallelNode>(graph.Node("split"));
        Assert.Equal([graph.Node("check"), graph.Node("wait")], split.Branches.Select(b => b.Node));
        var plugin = Assert.IsType<PluginNode>(graph.Node("check"));
        Assert.Equal(("verify-licence", "county"), (plugin.Activity, plugin.Config["registry"]));
        Assert.Equal(Duration.WorkingDays(3), Assert.IsType<TimerNode>(graph.Node("wait")).After);
        Assert.Same(graph.Node("route"), Assert.IsType<JoinNode>(graph.Node("join")).Next.Node);
        var route = Assert.IsType<BranchNode>(graph.Node("route"));
        Assert.Equal("form.urgent", Assert.Single(route.Cases).When);
        Assert.Same(graph.Node("issue"), route.Otherwise!.Node);
        Assert.Equal("certificates/teacher-qualification", Assert.IsType<DocumentNode>(graph.Node("issue")).Template);
        Assert.Equal("notices/done", Assert.IsType<NotifyNode>(graph.Node("notify")).Template);
        Assert.Equal("water-permit", Assert.IsType<SubcaseNode>(graph.Node("bundle")).Item);
    }

    [Fact]
    public void Lookups_by_id_find_each_node_and_a_foreign_id_is_a_workflow_error()
    {
        var graph = WorkflowCompiler.Compile(Items.Licensing());

        Assert.IsType<TaskNode>(graph.Node("review"));
        Assert.True(graph.Contains("decide"));
        Assert.Null(graph.Find("end"));
        Assert.Same(graph.Start, graph.Node("review").Follow("supplement").Node);
        Assert.Equal(ErrorCodes.WorkflowInvalid, Assert.Throws<CaseRuleViolation>(() => graph.Node("no-such-step")).Error.Code);
        Assert.Equal(ErrorCodes.UnknownOutcome, Assert.Throws<CaseRuleViolation>(() => graph.Node("review").Follow("maybe")).Error.Code);
    }

    [Fact]
    public void A_back_office_intake_names_the_department_acceptance_task()
    {
        var intake = Intake("accept-decision");
        intake.Acceptance = AcceptanceSetUp.BackOffice;
        var graph = WorkflowCompiler.Compile(Items.Item(
        [
            intake,
            Task("accept-decision", Items.Reviewer, outcomes: [("accept", Workflow.End), ("supplement", "intake")]),
        ]));

        Assert.Same(graph.Node("accept-decision"), graph.BackOfficeAcceptance);
    }

    public static TheoryData<string, string> Unvalidated() => new()
    {
        { "no-template", "template" },
        { "unknown-target", "nowhere" },
        { "not-intake-first", "受理步骤开始" },
        { "no-basis", "法律依据" },
        { "no-assignee", "办理人" },
        { "no-timer-duration", "after" },
        { "one-branch", "branches" },
    };

    [Theory]
    [MemberData(nameof(Unvalidated))]
    public void A_definition_the_validator_would_refuse_does_not_compile_and_says_why(string broken, string expected)
    {
        var review = Task("review", Items.Reviewer, next: Workflow.End);
        Step[] steps = broken switch
        {
            "no-template" => [Intake("issue"), new Step { Id = "issue", Kind = StepKind.Document, Next = Workflow.End }],
            "unknown-target" => [Intake("nowhere")],
            "not-intake-first" => [review, Intake("review")],
            "no-basis" => [Intake("review"), WithProcedure(review, new StepProcedure { Kind = ProcedureKind.Hearing, Duration = Duration.WorkingDays(5) })],
            "no-assignee" => [Intake("review"), new Step { Id = "review", Kind = StepKind.Task, Next = Workflow.End }],
            "no-timer-duration" => [Intake("wait"), new Step { Id = "wait", Kind = StepKind.Timer, Next = Workflow.End }],
            "one-branch" => [Intake("split"), Parallel("split", "review"), review],
            _ => throw new ArgumentOutOfRangeException(nameof(broken)),
        };

        var error = Assert.Throws<WorkflowCompileException>(() => WorkflowCompiler.Compile(Items.Item(steps)));

        Assert.Contains(expected, error.Message);
        Assert.Contains("teacher-qualification", error.Message);
    }

    [Fact]
    public void An_item_without_steps_does_not_compile()
    {
        Assert.Throws<WorkflowCompileException>(() => WorkflowCompiler.Compile(Items.Item([])));
        Assert.Throws<WorkflowCompileException>(() => WorkflowCompiler.Compile(new ItemDefinition { Id = "empty" }));
    }

    [Fact]
    public void The_engine_runs_the_graph_the_version_hands_it_not_a_fresh_reading_of_the_definition()
    {
        var harness = new CaseHarness(Items.Licensing());
        var graph = WorkflowCompiler.Compile(Items.Item([Intake("review", id: "window"), Task("review", Items.Reviewer, next: Workflow.End)]));
        var context = harness.Context with { Item = harness.Context.Item with { Graph = graph } };

        var result = Execution.CaseEngine.Execute(null, new Commands.ReceiveMaterials("case-1", "桃山-2026-000001",
            new Applicant(ApplicantType.Person, "张三", "11010519491231002X", "13800000000"), new System.Text.Json.Nodes.JsonObject(),
            [.. Items.RequiredForPerson.Select(id => new MaterialRecord(id, MaterialStatus.Received))], Actors.Clerk), context);

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal("window", Assert.Single(result.Events.OfType<Events.TokenCreated>()).StepId);
    }

    private static Step WithProcedure(Step step, StepProcedure procedure)
    {
        step.Procedure = procedure;
        return step;
    }

    private static void AssertLeadsTo(CompiledWorkflow graph, string targetId, StepTarget target)
    {
        Assert.Equal(targetId, target.Id);
        if (!target.IsEnd) Assert.Same(graph.Node(targetId), target.Node);
    }
}
