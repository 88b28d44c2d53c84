using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary>
/// A real server on a copy of the sample county (no 2027 schedule): a case whose due date falls in
/// 2027 is provisional; saving calendars/2027.yaml makes the server reload, recount the open case
/// and record it; the case API shows the firm date.
/// </summary>
public class CalendarRecomputeTests
{
    private const string Item = "agri-machinery-registration";
    private static readonly Actor Clerk = new("clerk", Window: "comprehensive-2");

    /// <summary>A made-up 2027 schedule for this test only (the real one was not published when it was written).</summary>
    private const string Test2027 = """
        year: 2027
        source: 测试用日历（非官方）
        holidays:
          - name: 元旦
            from: 2027-01-01
            to: 2027-01-03
          - name: 春节
            from: 2027-02-05
            to: 2027-02-13
        make-up-workdays:
          - date: 2027-01-31
            for: 春节
          - date: 2027-02-20
            for: 春节
        """;

    [Fact]
    public async Task AddingTheYearsCalendar_MovesTheOpenCasesProvisionalDate_AndRecordsIt()
    {
        await using var server = await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true });
        var admin = await server.SignInAsync("admin");
        var moved = await server.Http.PostAsJsonAsync("/api/test/clock", new { now = "2027-02-04T09:00:00+08:00" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var cases = server.Services.GetRequiredService<CaseService>();
        var store = server.Services.GetRequiredService<ICaseStore>();
        var id = Guid.NewGuid();
        await RunAsync(cases, id, new ReceiveMaterials("", "", new Applicant(ApplicantType.Person, "张建国", "230903197806123513", "13800000000"),
            new JsonObject(),
            new[] { "application", "owner-id-card", "origin-proof", "conformity-certificate", "inspection-certificate" }
                .Select(m => new MaterialRecord(m, MaterialStatus.Received)).ToList(),
            Clerk));
        await RunAsync(cases, id, new Accept(Clerk));

        // 2 working days from Thu 2/4 with statutory holidays only: 除夕 Fri 2/5 and 初三 Mon 2/8 skipped.
        var before = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{id}"))!;
        Assert.Equal("2027-02-10", before["case"]!["clocks"]!["promisedDue"]!.GetValue<string>());
        Assert.True(before["case"]!["clocks"]!["decisionDueProvisional"]!.GetValue<bool>());

        File.WriteAllText(Path.Combine(server.County.Definitions, "calendars", "2027.yaml"), Test2027);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await store.ReadEventsAsync(id)).All(e => e.Type != "deadlines-recomputed"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the open case was not recomputed within 30 s");
            await Task.Delay(100);
        }
        var after = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{id}"))!;
        // Published: 2/5–13 off, so the second working day is Tue 2/16.
        Assert.Equal("2027-02-16", after["case"]!["clocks"]!["promisedDue"]!.GetValue<string>());
        Assert.False(after["case"]!["clocks"]!["decisionDueProvisional"]!.GetValue<bool>());
        Assert.Equal(1, (await store.ReadEventsAsync(id)).Count(e => e.Type == "deadlines-recomputed"));
    }

    private static async Task RunAsync(CaseService cases, Guid id, CaseCommand command)
    {
        var result = await cases.ExecuteAsync(id, command, itemId: Item);
        Assert.True(result is CaseCommandResult.Ok, $"{command.GetType().Name}: {result}");
    }
}
