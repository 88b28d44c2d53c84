using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Server.Cases;

namespace Workflows.Server.Tests;

/// <summary>
/// Supervision counts every open case at its one deadline level, and its card, department table, lists and
/// report agree: cases of 农机注册登记 (promised in 2 working days, 预警 from the due day) received on
/// different days, one suspended, looked at on Wednesday 2026-12-09.
/// </summary>
public sealed class SupervisionFiguresTests
{
    private const string Agri = "agri-machinery-registration";
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task EveryLevel_IsCountedOnce_AndCardsTableListsAndReportAgree()
    {
        await using var server = await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true, SeedDemoCases = false });
        var clock = server.Services.GetRequiredService<ServerClock>();
        var set = CaseApi.Definitions(server);
        var item = set.Item(Agri)!;
        using var clerk = await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
        using var head = await server.SignInAsync("agriculture-head");
        async Task<string> Receive(DateTimeOffset on)
        {
            clock.MoveTo(on);
            var (response, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }, null));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return view["id"]!.GetValue<string>();
        }
        var overdue = await Receive(At(12, 4));   // Friday: due Tuesday 12-08
        var suspended = await Receive(At(12, 4)); // the same, then suspended
        var (s, _) = await CaseApi.PostAsync(head, $"/api/cases/{suspended}/suspend", new JsonObject { ["reason"] = "现场检验", ["procedure"] = "testing", ["approver"] = "农业农村局局长", ["basis"] = "《中华人民共和国行政许可法》第四十五条" });
        Assert.Equal(HttpStatusCode.OK, s.StatusCode);
        var warning = await Receive(At(12, 7));   // Monday: due Wednesday 12-09, the 预警 day
        var normal = await Receive(At(12, 9));    // Wednesday: due Friday 12-11
        clock.MoveTo(At(12, 9));

        var expected = new Dictionary<string, string> { [overdue] = "overdue", [suspended] = "suspended", [warning] = "warning", [normal] = "normal" };
        foreach (var (id, level) in expected)
        {
            var view = (await head.GetFromJsonAsync<JsonObject>($"/api/cases/{id}"))!;
            Assert.Equal(level, view["level"]!.GetValue<string>());
        }

        var overview = (await head.GetFromJsonAsync<JsonObject>("/api/supervision"))!;
        List<string> Ids(string list) => overview[list]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Equal([overdue], Ids("overdue"));
        Assert.Equal([warning], Ids("warnings"));
        Assert.Equal([suspended], Ids("suspended"));
        Assert.Equal("已暂停", overview["suspended"]![0]!["levelLabel"]!.GetValue<string>());
        var totals = overview["totals"]!;
        Assert.Equal((4, 1, 1, 1), (totals["open"]!.GetValue<int>(), totals["warning"]!.GetValue<int>(), totals["overdue"]!.GetValue<int>(), totals["suspended"]!.GetValue<int>()));
        var department = Assert.Single(overview["departments"]!.AsArray())!;
        Assert.Equal("agriculture", department["department"]!.GetValue<string>());
        Assert.Equal((4, 1, 1, 1), (department["open"]!.GetValue<int>(), department["warning"]!.GetValue<int>(), department["overdue"]!.GetValue<int>(), department["suspended"]!.GetValue<int>()));

        var report = (await head.GetFromJsonAsync<JsonObject>("/api/supervision/report"))!;
        var row = Assert.Single(report["departments"]!.AsArray())!;
        Assert.Equal((4, 4, 1, 1, 1), (row["received"]!.GetValue<int>(), row["open"]!.GetValue<int>(), row["warning"]!.GetValue<int>(),
            row["overdue"]!.GetValue<int>(), row["suspended"]!.GetValue<int>()));
        Assert.Equal(4, row["weekly"]!.AsArray().Sum(w => w!["received"]!.GetValue<int>()));
    }

    [Fact]
    public async Task DepartmentInbox_IsPaged_WithTheTotal()
    {
        await using var server = await RunningServer.StartAsync(demo: true, configure: o => o with { SeedDemoCases = false });
        var set = CaseApi.Definitions(server);
        var item = set.Item(Agri)!;
        using var clerk = await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
        for (var i = 0; i < 3; i++)
        {
            var (response, _) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }, null));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        using var reviewer = await server.SignInAsync("agriculture-reviewer");

        var first = (await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=department&limit=2"))!;
        var second = (await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=department&limit=2&offset=2"))!;
        var mine = (await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=mine"))!;

        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.Equal(2, first["tasks"]!.AsArray().Count);
        Assert.Single(second["tasks"]!.AsArray());
        var numbers = first["tasks"]!.AsArray().Concat(second["tasks"]!.AsArray()).Select(t => t!["number"]!.GetValue<string>()).ToList();
        Assert.Equal(3, numbers.Distinct().Count());
        Assert.Equal(3, mine["total"]!.GetValue<int>());
        Assert.All(mine["tasks"]!.AsArray(), t => Assert.Equal("normal", t!["level"]!.GetValue<string>()));
        var bad = await reviewer.GetAsync("/api/tasks?scope=department&limit=500");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task CasesStoredBeforeTheFigures_AreFilledInOnStart_AndShowInTheInbox()
    {
        var copy = Directory.CreateTempSubdirectory("workflows-figures-").FullName;
        try
        {
            await using (var before = await RunningServer.StartAsync(demo: true))
            {
                var set = CaseApi.Definitions(before);
                var item = set.Item(Agri)!;
                using var clerk = await before.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
                var (response, _) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }, null));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                // A consistent copy of the live file, then the figure columns emptied as an older server left them.
                await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(before.County.Root, "data", "cases.db")}");
                await connection.OpenAsync();
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = $"VACUUM INTO '{Path.Combine(copy, "cases.db")}'";
                await vacuum.ExecuteNonQueryAsync();
            }
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(copy, "cases.db")};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var forget = connection.CreateCommand();
                forget.CommandText = "UPDATE cases SET item_id = NULL, item_department = NULL, level_due = NULL, warn_from = NULL, received_on = NULL, assignees = NULL, task_due = NULL";
                Assert.Equal(1, await forget.ExecuteNonQueryAsync());
            }

            await using var after = await RunningServer.StartAsync(demo: true, configure: o => o with { Data = copy });
            using var reviewer = await after.SignInAsync("agriculture-reviewer");
            JsonObject inbox;
            // The backfill runs beside the requests: wait for its result, not for a time.
            for (var attempt = 0; ; attempt++)
            {
                inbox = (await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=department"))!;
                if (inbox["total"]!.GetValue<int>() > 0) break;
                Assert.True(attempt < 20_000, "the case stored before the figures never reached the inbox");
            }
            Assert.Single(inbox["tasks"]!.AsArray());
            using var head = await after.SignInAsync("agriculture-head");
            var overview = (await head.GetFromJsonAsync<JsonObject>("/api/supervision"))!;
            Assert.Equal(1, overview["totals"]!["open"]!.GetValue<int>());
            Assert.Equal("agriculture", overview["departments"]![0]!["department"]!.GetValue<string>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(copy, recursive: true);
        }
    }
}
