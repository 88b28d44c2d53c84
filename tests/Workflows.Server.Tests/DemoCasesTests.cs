using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Engine.Ports;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary><c>--demo</c> opens on a living office: cases in every state, some late, once only.</summary>
public sealed class DemoCasesTests
{
    [Fact]
    public async Task Demo_SeedsCasesInEveryState_SomeLate_AndNeverTwice()
    {
        await using var server = await RunningServer.StartAsync(demo: true, configure: o => o with { SeedDemoCases = true });
        using var admin = await server.SignInAsync("admin");

        var page = JsonNode.Parse(await admin.GetStringAsync("/api/cases?take=200"))!["items"]!.AsArray();
        Assert.InRange(page.Count, 30, 60);
        var statuses = page.Select(c => c!["status"]!.GetValue<string>()).ToHashSet();
        foreach (var status in new[] { "received", "supplementing", "in-progress", "suspended", "granted", "completed", "refused", "withdrawn" })
            Assert.Contains(status, statuses);

        // the scheduler's sweep at start raised what fell due while the cases were "being worked"
        var supervision = JsonNode.Parse(await admin.GetStringAsync("/api/supervision"))!;
        Assert.NotEmpty(supervision["overdue"]!.AsArray());
        Assert.NotEmpty(supervision["warnings"]!.AsArray());

        // each stage is real work: a clerk's inbox and a department's tasks are not empty
        using var reviewer = await server.SignInAsync("education-reviewer");
        Assert.NotEmpty(JsonNode.Parse(await reviewer.GetStringAsync("/api/tasks?scope=department"))!["tasks"]!.AsArray());

        var services = server.Services;
        var again = await DemoCases.SeedAsync(services.GetRequiredService<ICaseStore>(), services.GetRequiredService<DefinitionVersions>(),
            Path.Combine(server.County.Root, "data"), services.GetRequiredService<IClock>(), NullLogger.Instance);
        Assert.Equal(0, again);
    }
}
