using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>
/// A demo server on a test clock that starts on Monday 2026-11-02 09:00 (Beijing), the demo accounts
/// signed in on first use, and 农机注册登记 cases taken to the issuance window: what the after-care
/// and the deadline-level tests set up alike.
/// </summary>
internal sealed class IssuanceScenario : IAsyncDisposable
{
    public const string Agri = "agri-machinery-registration";
    private readonly Dictionary<string, HttpClient> _clients = [];

    private IssuanceScenario(RunningServer server)
    {
        Server = server;
        Set = CaseApi.Definitions(server);
    }

    public RunningServer Server { get; }
    public DefinitionSet Set { get; }

    /// <summary>The test server (demo accounts, no demo cases) on the test clock, moved to Monday 2026-11-02 09:00.</summary>
    public static async Task<IssuanceScenario> StartAsync()
    {
        var scenario = new IssuanceScenario(await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true }));
        await scenario.MoveClockAsync("2026-11-02T09:00:00+08:00");
        return scenario;
    }

    public async Task MoveClockAsync(string now) =>
        Assert.Equal(HttpStatusCode.OK, (await Server.Http.PostAsJsonAsync("/api/test/clock", new { now })).StatusCode);

    public async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client : _clients[account] = await Server.SignInAsync(account);

    public async Task<JsonObject> GetAsync(string account, string path) => (await (await As(account)).GetFromJsonAsync<JsonObject>(path))!;

    /// <summary>Received and accepted at window 2, then passed and granted by 农业农村局: waiting at the issuance window. Returns the case view.</summary>
    public async Task<JsonObject> GrantedAsync(string name)
    {
        var body = CaseApi.NewCase(Set.Item(Agri)!, new JsonObject { ["kind"] = "accept" });
        body["applicant"]!["name"] = name;
        var (response, view) = await CaseApi.PostAsync(await As("clerk-comprehensive-2"), "/api/cases", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        foreach (var (step, account, outcome) in new[] { ("review", "agriculture-reviewer", "pass"), ("decide", "agriculture-head", "grant") })
        {
            var task = CaseApi.ActiveTasks(view).Single(t => t!["stepId"]!.GetValue<string>() == step)!["id"]!.GetValue<string>();
            (response, view) = await CaseApi.PostAsync(await As(account), $"/api/cases/{view["id"]}/complete", new JsonObject { ["taskId"] = task, ["outcome"] = outcome });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        return view;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await Server.DisposeAsync();
    }
}
