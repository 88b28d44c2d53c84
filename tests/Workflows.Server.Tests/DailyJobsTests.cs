using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Plugins.Tests;
using Workflows.Server.Cases;
using Workflows.Server.Effects;
using Workflows.Server.Security;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary>
/// The two daily Hangfire jobs, their bodies run directly against the real server and its SQLite
/// store: the calendar-year check (warns from <c>operations.calendar-warning-days</c> before the year
/// ends while next year's calendar is unpublished, in the security/ops log and on GET /api/ops/status)
/// and the supervision digest (per department 预警/超期/特别程序超期, one outbox intent per day,
/// delivered to a real webhook receiver on loopback).
/// </summary>
public sealed class DailyJobsTests
{
    private const string Agri = "agri-machinery-registration";
    private static DateTimeOffset At(int month, int day) => new(2026, month, day, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task CalendarCheck_WarnsOnlyWithinTheDefaultThirtyDays_InTheOpsLogAndTheStatus()
    {
        await using var server = await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true });
        var clock = server.Services.GetRequiredService<ServerClock>();
        var check = server.Services.GetRequiredService<CalendarYearCheck>();
        using var admin = await server.SignInAsync("admin");
        using var supervisor = await server.SignInAsync("supervisor");

        clock.MoveTo(At(11, 20)); // 41 days before the year ends
        var early = await check.RunAsync();
        var earlyStatus = (await admin.GetFromJsonAsync<JsonObject>("/api/ops/status"))!;
        clock.MoveTo(At(12, 15)); // 16 days left
        var late = await check.RunAsync();
        var lateStatus = (await admin.GetFromJsonAsync<JsonObject>("/api/ops/status"))!;
        var events = await ((ISecurityStore)server.Services.GetRequiredService<ICaseStore>()).ReadSecurityEventsAsync(At(1, 1));

        Assert.Equal((2027, false, 41, 30, false), (early.NextYear, early.Published, early.DaysLeft, early.WarningDays, early.Warning));
        Assert.False(earlyStatus["calendar"]!["warning"]!.GetValue<bool>());
        Assert.Equal((16, true), (late.DaysLeft, late.Warning));
        Assert.True(lateStatus["calendar"]!["warning"]!.GetValue<bool>());
        Assert.Contains("尚未发布 2027 年的工作日历", lateStatus["calendar"]!["message"]!.GetValue<string>());
        // One warning in the security/ops log: the day it warned, about 2027.
        var warned = Assert.Single(events, e => e.Kind == SecurityLog.CalendarYearMissing);
        Assert.Equal("2027", warned.Target);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/ops/status")).StatusCode);
    }

    [Fact]
    public async Task CalendarCheck_CountsTheDaysOfOfficeYaml_AndTheDigestTimeIsASetting()
    {
        await using var server = await RunningServer.StartAsync(county =>
        {
            File.AppendAllText(county.PathOf("office.yaml"), "operations:\n  calendar-warning-days: 10\n  digest-at: \"07:30\"\n");
        }, demo: true, configure: o => o with { TestClock = true });
        var clock = server.Services.GetRequiredService<ServerClock>();
        var check = server.Services.GetRequiredService<CalendarYearCheck>();
        using var admin = await server.SignInAsync("admin");

        clock.MoveTo(At(12, 15)); // 16 days left: not yet with 10
        var notYet = await check.RunAsync();
        clock.MoveTo(At(12, 25)); // 6 days left
        var warns = await check.RunAsync();
        var status = (await admin.GetFromJsonAsync<JsonObject>("/api/ops/status"))!;

        Assert.Equal((10, false), (notYet.WarningDays, notYet.Warning));
        Assert.True(warns.Warning);
        Assert.Equal("07:30", status["digest"]!["at"]!.GetValue<string>());
        Assert.Equal("30 17 * * *", SupervisionDigest.DailyCron(new TimeOnly(1, 30))); // the day before, in UTC
        Assert.Equal("30 23 * * *", SupervisionDigest.DailyCron(new TimeOnly(7, 30)));
    }

    [Fact]
    public async Task Digest_CountsEachDepartmentFromTheIndex_IsWrittenOncePerDay_AndReachesTheWebhookReceiver()
    {
        var port = EffectsFaultTests.FreePort();
        await using var receiver = WebhookReceiver.Start(port: port);
        await using var server = await RunningServer.StartAsync(county => EffectsFaultTests.Deploy(typeof(Workflows.Plugins.Webhook.WebhookPlugin),
            Path.Combine(county.Root, "data", "plugins", "webhook"),
            $$"""{ "url": "http://127.0.0.1:{{port}}/hook", "secret": "digest" }"""), demo: true, configure: o => o with { TestClock = true });
        var clock = server.Services.GetRequiredService<ServerClock>();
        var set = CaseApi.Definitions(server);
        var item = set.Item(Agri)!;
        using var clerk = await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
        using var admin = await server.SignInAsync("admin");
        async Task Receive(DateTimeOffset on)
        {
            clock.MoveTo(on);
            var (response, _) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }, null));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await Receive(At(12, 4)); // due Tuesday 12-08: 超期 on Wednesday
        await Receive(At(12, 7)); // due Wednesday 12-09: 预警
        clock.MoveTo(At(12, 9));
        var digest = server.Services.GetRequiredService<SupervisionDigest>();

        var (intentId, added) = await digest.RunAsync();
        var (againId, againAdded) = await digest.RunAsync();
        var payload = await digest.ComposeAsync();
        var supervision = (await admin.GetFromJsonAsync<JsonObject>("/api/supervision"))!;
        var stored = await ((IOutbox)server.Services.GetRequiredService<ICaseStore>()).FindIntentAsync(intentId);

        Assert.Equal("digest-20261209", intentId);
        Assert.True(added);
        Assert.Equal((intentId, false), (againId, againAdded));
        Assert.NotNull(stored);
        Assert.Equal(SupervisionDigest.Kind, stored!.Kind);
        var agriculture = payload.Departments.Single(d => d.Id == "agriculture");
        Assert.Equal((1, 1, 0), (agriculture.Warning, agriculture.Overdue, agriculture.ProcedureOverrun));
        // The digest's counts are supervision's, department by department.
        foreach (var row in supervision["departments"]!.AsArray())
        {
            var d = payload.Departments.Single(p => p.Id == row!["department"]!.GetValue<string>());
            Assert.Equal((row!["warning"]!.GetValue<int>(), row["overdue"]!.GetValue<int>(), row["procedureOverrun"]!.GetValue<int>()),
                (d.Warning, d.Overdue, d.ProcedureOverrun));
        }

        // Delivered through the outbox (the job the digest enqueued, or a sweep): one notice per department.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!receiver.Requests.Any(r => r.Delivery == $"{intentId}-agriculture"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the digest did not reach the receiver in 90 s: " + string.Join(", ", receiver.Requests.Select(r => r.Event)));
            await Task.Delay(200);
        }
        var notice = receiver.Requests.First(r => r.Delivery == $"{intentId}-agriculture");
        Assert.Equal("supervision-digest", notice.Event);
        Assert.Contains("\"overdue\":1", notice.Body.Replace(" ", ""), StringComparison.Ordinal);
        var status = (await admin.GetFromJsonAsync<JsonObject>("/api/ops/status"))!;
        Assert.True(status["digest"]!["written"]!.GetValue<bool>());
    }
}
