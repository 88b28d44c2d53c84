using Workflows.Definitions.Model;

namespace Workflows.Engine.Tests.Support;

/// <summary>Step constructors for workflows built in code.</summary>
internal static class Steps
{
    public static Assignee Role(string department, string role) => new() { Department = department, Role = role };

    public static Assignee Window(string window) => new() { Window = window };

    public static Step Intake(string next, string id = "intake") =>
        new() { Id = id, Kind = StepKind.Intake, Name = "窗口受理", By = Window("comprehensive-1"), Next = next };

    public static Step Task(string id, Assignee by, string? next = null, int? limitDays = null, params (string Outcome, string Target)[] outcomes) =>
        WithOutcomes(new Step
        {
            Id = id,
            Kind = StepKind.Task,
            Name = id,
            By = by,
            Next = next,
            Limit = limitDays is { } days ? Duration.WorkingDays(days) : null,
        }, outcomes);

    public static Step Countersign(string id, SignMode mode, Assignee[] signers, params (string Outcome, string Target)[] outcomes) =>
        WithOutcomes(new Step { Id = id, Kind = StepKind.Countersign, Name = id, Mode = mode, Signers = [.. signers] }, outcomes);

    public static Step Parallel(string id, params string[] branches) =>
        new() { Id = id, Kind = StepKind.Parallel, Branches = [.. branches] };

    public static Step Join(string id, string next) => new() { Id = id, Kind = StepKind.Join, Next = next };

    public static Step Branch(string id, string? otherwise, params (string When, string Next)[] cases) =>
        new()
        {
            Id = id,
            Kind = StepKind.Branch,
            Otherwise = otherwise,
            Cases = [.. cases.Select(c => new BranchCase { When = c.When, Next = c.Next })],
        };

    public static Step Document(string id, string template, string next) =>
        new() { Id = id, Kind = StepKind.Document, Template = template, Next = next };

    public static Step Notify(string id, string template, string next) =>
        new() { Id = id, Kind = StepKind.Notify, Name = id, Template = template, Next = next };

    public static Step Timer(string id, int workingDays, string next) =>
        new() { Id = id, Kind = StepKind.Timer, After = Duration.WorkingDays(workingDays), Next = next };

    public static Step Subcase(string id, string item, string next) =>
        new() { Id = id, Kind = StepKind.Subcase, Item = item, Next = next };

    public static Step Plugin(string id, string activity, IDictionary<string, string> config, string? next = null, params (string Outcome, string Target)[] outcomes)
    {
        var step = WithOutcomes(new Step { Id = id, Kind = StepKind.Plugin, Activity = activity, Next = next }, outcomes);
        foreach (var (key, value) in config) step.Config[key] = value;
        return step;
    }

    private static Step WithOutcomes(Step step, (string Outcome, string Target)[] outcomes)
    {
        foreach (var (outcome, target) in outcomes) step.Outcomes[outcome] = target;
        return step;
    }
}
