using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>
/// 容缺 through the HTTP API of a real server, its clock moved by <c>/api/test/clock</c> (which fires
/// the due store timers): the catch-up date is bounded by the office (422 WF6062, nothing stored),
/// a material not supplied is reminded (催补, seen in the case and the inbox) and the case is
/// terminated after the grace period with its 终止办理告知书; the head's own 终止办理 needs the date passed.
/// 民办幼儿园设立 accepted Tue 2026-04-28: 教职工健康证明 (10wd) due Thu 5/14 (劳动节 5/1–5/5, make-up
/// Sat 5/9); reminded Fri 5/15; 5 working days of grace end Fri 5/22; terminated Mon 5/25.
/// </summary>
public sealed class DeferralTerminationApiTests : IAsyncLifetime
{
    private const string Item = "private-kindergarten";
    private RunningServer _server = null!;
    private HttpClient _clerk = null!;
    private HttpClient _head = null!;
    private HttpClient _reviewer = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true });
        await MoveAsync("2026-04-28T09:00:00+08:00");
        var set = CaseApi.Definitions(_server);
        _clerk = await _server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, set.Item(Item)!));
        _head = await _server.SignInAsync("education-head");
        _reviewer = await _server.SignInAsync("education-reviewer");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in new[] { _clerk, _head, _reviewer }) client?.Dispose();
        await _server.DisposeAsync();
    }

    private async Task MoveAsync(string now) =>
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.PostAsJsonAsync("/api/test/clock", new { now })).StatusCode);

    private async Task<JsonObject> ReceivedAsync()
    {
        var item = CaseApi.Definitions(_server).Item(Item)!;
        var (response, view) = await CaseApi.PostAsync(_clerk, "/api/cases", CaseApi.NewCase(item, null, m => m.Id == "staff-health" ? "missing" : "received"));
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, view.ToJsonString());
        Assert.Equal("received", view["status"]!.GetValue<string>());
        return view;
    }

    private async Task<JsonObject> ViewAsync(JsonObject view, HttpClient? as_ = null) =>
        (await (as_ ?? _head).GetFromJsonAsync<JsonObject>($"/api/cases/{view["id"]}"))!;

    private static JsonObject Deferral(string? catchUpBy) => new()
    {
        ["materialIds"] = new JsonArray("staff-health"), ["pledgeSigned"] = true, ["catchUpBy"] = catchUpBy,
    };

    [Fact]
    public async Task CatchUpDate_OutsideTheOfficesBounds_Is422WithItsCode_AndNothingIsStored()
    {
        var view = await ReceivedAsync();

        foreach (var outside in new[] { "2026-04-27", "2099-01-01" })
        {
            var (response, problem) = await CaseApi.PostAsync(_clerk, $"/api/cases/{view["id"]}/accept-with-deferral", Deferral(outside));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Equal("WF6062", problem["code"]!.GetValue<string>());
        }

        var after = await ViewAsync(view);
        Assert.Equal("received", after["status"]!.GetValue<string>());
        Assert.Equal(view["version"]!.GetValue<long>(), after["version"]!.GetValue<long>());
        Assert.Equal("missing", after["case"]!["materials"]!["staff-health"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task NotSupplied_IsRemindedInCaseAndInbox_ThenTerminatedWithItsNotice()
    {
        var view = await ReceivedAsync();
        var (accepted, _) = await CaseApi.PostAsync(_clerk, $"/api/cases/{view["id"]}/accept-with-deferral", Deferral(null));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("2026-05-14", (await ViewAsync(view))["case"]!["materials"]!["staff-health"]!["catchUpDue"]!.GetValue<string>());

        // Before the date passed the head may not end the case (422), a reviewer never (403).
        var (early, earlyProblem) = await CaseApi.PostAsync(_head, $"/api/cases/{view["id"]}/terminate", new JsonObject { ["reason"] = "未补交" });
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "WF6085"), (early.StatusCode, earlyProblem["code"]!.GetValue<string>()));
        var (reviewer, _) = await CaseApi.PostAsync(_reviewer, $"/api/cases/{view["id"]}/terminate", new JsonObject { ["reason"] = "未补交" });
        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);

        await MoveAsync("2026-05-14T17:00:00+08:00");
        Assert.Null((await ViewAsync(view))["case"]!["materials"]!["staff-health"]!["remindedOn"]);
        await MoveAsync("2026-05-15T09:00:00+08:00");
        var reminded = await ViewAsync(view);
        var health = reminded["case"]!["materials"]!["staff-health"]!;
        Assert.Equal(("2026-05-15", "2026-05-22"), (health["remindedOn"]!.GetValue<string>(), health["terminatesAfter"]!.GetValue<string>()));
        var timeline = (await _head.GetFromJsonAsync<JsonObject>($"/api/cases/{view["id"]}/timeline"))!;
        Assert.Contains(timeline["events"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "catch-up-reminded");
        var inbox = (await _reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=department&limit=100"))!;
        var row = inbox["tasks"]!.AsArray().First(t => t!["caseId"]!.GetValue<string>() == view["id"]!.GetValue<string>())!;
        Assert.Equal("2026-05-22", row["catchUp"]!["terminatesAfter"]!.GetValue<string>());

        await MoveAsync("2026-05-22T17:00:00+08:00");
        Assert.Equal("in-progress", (await ViewAsync(view))["status"]!.GetValue<string>());
        await MoveAsync("2026-05-25T09:00:00+08:00");
        var ended = await ViewAsync(view);
        Assert.Equal("terminated", ended["status"]!.GetValue<string>());
        Assert.True(ended["closed"]!.GetValue<bool>());
        Assert.Equal("2026-05-25", ended["case"]!["termination"]!["on"]!.GetValue<string>());
        Assert.Empty(CaseApi.ActiveTasks(ended));
        Assert.Contains(ended["case"]!["documents"]!.AsArray(), d => d!["templateId"]!.GetValue<string>() == "notices/termination");
    }

    [Fact]
    public async Task TheHead_MayTerminateByHand_OnceTheCatchUpDateHasPassed()
    {
        var view = await ReceivedAsync();
        var (accepted, _) = await CaseApi.PostAsync(_clerk, $"/api/cases/{view["id"]}/accept-with-deferral", Deferral("2026-05-06"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await MoveAsync("2026-05-07T09:00:00+08:00");

        var (response, ended) = await CaseApi.PostAsync(_head, $"/api/cases/{view["id"]}/terminate", new JsonObject { ["reason"] = "申请人书面表示无法取得健康证明" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("terminated", ended["status"]!.GetValue<string>());
        Assert.Contains("申请人书面表示无法取得健康证明", ended["case"]!["termination"]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("education-head", ended["case"]!["termination"]!["by"]!.GetValue<string>());
    }
}
