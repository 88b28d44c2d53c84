using Workflows.Server.Hosting;
using Workflows.Definitions.Validation;

namespace Workflows.Server.Tests;

/// <summary>Each loaded definition version carries its items' compiled workflows, built once with the version.</summary>
public class DefinitionGraphTests
{
    [Fact]
    public void A_version_compiles_every_item_of_the_sample_county_once_and_keeps_the_graphs_when_the_calendar_moves_on()
    {
        var set = DefinitionPipeline.LoadAndValidate(Repo.Definitions, Repo.Templates, new DateOnly(2026, 6, 1));
        Assert.DoesNotContain(set.Diagnostics.Sorted(), d => d.IsError);

        var snapshot = new DefinitionSnapshot(set, "v-test", DateTimeOffset.Now, CalendarRules.Build(set.Calendars));

        Assert.Equal(set.Items.Where(i => i.Workflow is not null).Select(i => i.Id).Order(), snapshot.Graphs.Keys.Order());
        foreach (var item in set.Items.Where(i => i.Workflow is not null))
            Assert.Equal(item.Workflow!.Steps.Select(s => s.Id), snapshot.Graphs[item.Id].Nodes.Select(n => n.Id));
        // A pinned version counted with the latest calendar is the same version: same graphs, not a recompile.
        Assert.Same(snapshot.Graphs, (snapshot with { Calendar = CalendarRules.Build([]) }).Graphs);
    }
}
