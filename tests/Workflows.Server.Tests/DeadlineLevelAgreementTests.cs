using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>
/// One deadline level (issue 14, Deliver 8): the case view, the task inbox, the 统一出件 list and
/// supervision all show the level the engine's query (Workflows.Engine.Queries.DeadlineLevels)
/// decides, so a suspended case and an overdue case read the same on every screen. Two cases of
/// 农机注册登记 (promised in 2 working days) are granted on Monday 2026-11-02 and wait at the issuance
/// window; one is suspended; both are looked at on Tuesday 2026-11-10.
/// </summary>
public sealed class DeadlineLevelAgreementTests : IAsyncLifetime
{
    private const string Agri = "agri-machinery-registration";
    private RunningServer _server = null!;
    private DefinitionSet _set = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true, SeedDemoCases = false });
        _set = CaseApi.Definitions(_server);
        await MoveClockAsync("2026-11-02T09:00:00+08:00");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task MoveClockAsync(string now) =>
        Assert.Equal(HttpStatusCode.OK, (await _server.Http.PostAsJsonAsync("/api/test/clock", new { now })).StatusCode);

    private async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client : _clients[account] = await _server.SignInAsync(account);

    private async Task<JsonObject> GetAsync(string account, string path) => (await (await As(account)).GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>Received and accepted at window 2, then passed and granted by 农业农村局: waiting at the issuance window.</summary>
    private async Task<string> GrantedAsync(string name)
    {
        var body = CaseApi.NewCase(_set.Item(Agri)!, new JsonObject { ["kind"] = "accept" });
        body["applicant"]!["name"] = name;
        var (response, view) = await CaseApi.PostAsync(await As("clerk-comprehensive-2"), "/api/cases", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        foreach (var (step, account, outcome) in new[] { ("review", "agriculture-reviewer", "pass"), ("decide", "agriculture-head", "grant") })
        {
            var task = CaseApi.ActiveTasks(view).Single(t => t!["stepId"]!.GetValue<string>() == step)!["id"]!.GetValue<string>();
            (response, view) = await CaseApi.PostAsync(await As(account), $"/api/cases/{view["id"]}/complete", new JsonObject { ["taskId"] = task, ["outcome"] = outcome });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return view["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task CaseViewInboxIssuanceAndSupervision_ShowOneLevel_ForASuspendedAndAnOverdueCase()
    {
        var overdue = await GrantedAsync("张桂兰");
        var suspended = await GrantedAsync("刘志强");
        var (s, _) = await CaseApi.PostAsync(await As("agriculture-head"), $"/api/cases/{suspended}/suspend",
            new JsonObject { ["reason"] = "现场检验", ["procedure"] = "testing", ["approver"] = "农业农村局局长", ["basis"] = "《中华人民共和国行政许可法》第四十五条" });
        Assert.Equal(HttpStatusCode.OK, s.StatusCode);
        // Promised in 2 working days from Monday 2 November: past due a week later.
        await MoveClockAsync("2026-11-10T09:00:00+08:00");

        var expected = new Dictionary<string, (string Level, string Label)> { [overdue] = ("overdue", "超期"), [suspended] = ("suspended", "已暂停") };
        var issuance = await GetAsync("clerk-issuance", "/api/issuance");
        var inbox = await GetAsync("clerk-issuance", "/api/tasks?scope=mine");
        var supervision = await GetAsync("supervisor", "/api/supervision");
        foreach (var (id, (level, label)) in expected)
        {
            var view = await GetAsync("supervisor", $"/api/cases/{id}");
            var waiting = Assert.Single(issuance["waiting"]!.AsArray(), r => r!["caseId"]!.GetValue<string>() == id)!;
            var task = Assert.Single(inbox["tasks"]!.AsArray(), r => r!["caseId"]!.GetValue<string>() == id)!;
            var listed = supervision[level == "overdue" ? "overdue" : "suspended"]!.AsArray();

            Assert.Equal(level, view["level"]!.GetValue<string>());
            Assert.Equal((level, label), (waiting["level"]!.GetValue<string>(), waiting["levelLabel"]!.GetValue<string>()));
            Assert.Equal((level, label), (task["level"]!.GetValue<string>(), task["levelLabel"]!.GetValue<string>()));
            var row = Assert.Single(listed, r => r!["id"]!.GetValue<string>() == id)!;
            Assert.Equal((level, label), (row["level"]!.GetValue<string>(), row["levelLabel"]!.GetValue<string>()));
        }
        Assert.Equal((1, 1), (supervision["totals"]!["overdue"]!.GetValue<int>(), supervision["totals"]!["suspended"]!.GetValue<int>()));
    }
}
