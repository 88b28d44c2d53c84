using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Definitions.Validation;
using Workflows.Documents.Templates;
using Workflows.Scripting.Definitions;

namespace Workflows.Definitions.Tests;

public class SampleCountyTests
{
    private static readonly DefinitionSet Set = LoadSample();

    private static DefinitionSet LoadSample()
    {
        var set = DefinitionLoader.Load(RepoPaths.Definitions, RepoPaths.Templates);
        new DefinitionValidator(new JintScriptChecker(), new ScribanTemplateChecker()).Validate(set, RepoPaths.Definitions, new DateOnly(2026, 6, 1));
        return set;
    }

    [Fact]
    public void EveryFile_Validates_WithoutErrorsOrWarnings()
    {
        Assert.Empty(Set.Diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void County_HasAtLeastEightItems_AcrossTheWindowsDepartments()
    {
        Assert.True(Set.Items.Count >= 8);
        var departments = Set.Items.Select(i => i.Guide!.Department).ToHashSet();
        Assert.Superset(departments, Set.Windows.Where(w => w.Kind == WindowKind.Comprehensive).SelectMany(w => w.Departments).ToHashSet());
        Assert.Contains(Set.Items, i => i.Guide!.Type == ItemType.PublicService);
    }

    [Fact]
    public void Windows_MatchTheHall_StationedEducationAndDelegatedOthers_PlusIssuance()
    {
        var one = Set.Windows.Single(w => w.Departments.Contains("education"));
        Assert.Equal(WindowMode.Stationed, one.Mode);
        Assert.All(Set.Windows.Where(w => w.Kind == WindowKind.Comprehensive && w != one), w => Assert.Equal(WindowMode.Delegated, w.Mode));
        Assert.Single(Set.Windows, w => w.Kind == WindowKind.Issuance);
    }

    [Fact]
    public void Items_TogetherCover_JointReview_Supplement_AndAnImmediateItem()
    {
        var steps = Set.Items.SelectMany(i => i.Workflow!.Steps.Select(s => (Item: i, Step: s))).ToList();

        var parallel = steps.Where(x => x.Step.Kind == StepKind.Parallel).ToList();
        Assert.Contains(parallel, p => p.Step.Branches
            .Select(b => p.Item.Workflow!.Steps.Single(s => s.Id == b).By?.Department).Distinct().Count() >= 2);
        // 补正 is asked at intake (一次性告知), never by a step after acceptance (WF3033); only the
        // department's acceptance step of 前台收件、后台受理 decides 补正 or 不予受理, before acceptance.
        var acceptanceSteps = Set.Items.Select(i => AcceptanceSetUpRules.BackOfficeStep(i.Workflow!)).OfType<Step>().ToHashSet();
        Assert.DoesNotContain(steps, x => !acceptanceSteps.Contains(x.Step) && (x.Step.Outcomes.ContainsKey("supplement") || x.Step.Outcomes.ContainsKey("refuse")));
        Assert.Contains(steps, x => x.Step.Outcomes.ContainsKey("reject") && x.Step.Outcomes["reject"] == "decide");
        Assert.Contains(Set.Items, i => i.Guide!.HandlingType == HandlingType.Immediate);
    }

    [Fact]
    public void Items_UseBothAcceptanceSetUps()
    {
        var intakes = Set.Items.Select(i => (Item: i, Intake: i.Workflow!.Steps.Single(s => s.Kind == StepKind.Intake))).ToList();
        var windows = Set.Windows.ToDictionary(w => w.Id);

        // 委托受理: a delegated window accepts in the department's name.
        Assert.Contains(intakes, x => x.Intake.Acceptance is null or AcceptanceSetUp.Window && windows[x.Intake.By!.Window!].Mode == WindowMode.Delegated);
        // 前台收件、后台受理: the window receives, the department's acceptance step decides.
        var backOffice = Assert.Single(intakes, x => x.Intake.Acceptance == AcceptanceSetUp.BackOffice);
        var step = AcceptanceSetUpRules.BackOfficeStep(backOffice.Item.Workflow!)!;
        Assert.Equal(backOffice.Item.Guide!.Department, step.By!.Department);
        Assert.Equal(["accept", "supplement", "refuse"], step.Outcomes.Keys);
    }

    [Fact]
    public void Materials_IncludeConditionalOptionalDeferrableAndPledge()
    {
        var materials = Set.Items.SelectMany(i => i.Materials).ToList();

        Assert.Contains(materials, m => m.When is not null);
        Assert.Contains(materials, m => m.Necessity == Necessity.Optional);
        Assert.Contains(materials, m => m.Necessity == Necessity.Deferrable && m.DeferralLimit is not null);
        Assert.Contains(materials, m => m.Pledge == true);
        Assert.Contains(materials, m => m.Source == MaterialSource.ELicense);
    }

    [Fact]
    public void Calendars_Cover2025And2026()
    {
        Assert.Equal([2025, 2026], Set.Calendars.Select(c => c.Year).Order());
    }
}
