using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>Every sample item from receipt to closing through the HTTP API, each step by the account that fits it.</summary>
public sealed class CaseLifecycleApiTests : IAsyncLifetime
{
    private static readonly string[] PreferredOutcomes = ["pass", "grant", "approve", "approved", "agree", "qualified", "accept", "issue", "yes"];
    private RunningServer _server = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client : _clients[account] = await _server.SignInAsync(account);

    public static TheoryData<string> Items() =>
        new(Workflows.Definitions.Loading.DefinitionLoader.Load(Repo.Definitions, null).Items.Select(i => i.Id).Order());

    [Theory]
    [MemberData(nameof(Items))]
    public async Task Lifecycle_FromReceiptToClosing_RunsThroughTheApi(string itemId)
    {
        var set = CaseApi.Definitions(_server);
        var item = set.Item(itemId)!;
        var clerk = await As(IntakeClerk(set, item));

        // 前台收件、后台受理: the window only receives; the department's first task decides acceptance.
        var backOffice = item.Workflow!.Steps.First(s => s.Kind == StepKind.Intake).Acceptance == AcceptanceSetUp.BackOffice;
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, backOffice ? null : new JsonObject { ["kind"] = "accept" }), "create-" + itemId);
        Assert.True(created.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        Assert.Matches(@"^桃山-\d{4}-\d{6}$", view["number"]!.GetValue<string>());
        var id = view["id"]!.GetValue<string>();

        for (var round = 0; round < 40 && !view["closed"]!.GetValue<bool>(); round++)
        {
            var task = Assert.Single(CaseApi.ActiveTasks(view).Take(1));
            var votes = task!["votes"]!.AsArray().Select(v => v!["signerIndex"]!.GetValue<int>()).ToHashSet();
            var signer = task["signers"]!.AsArray().Select((s, i) => (s, i)).First(p => !votes.Contains(p.i)).s!;
            var step = item.Workflow!.Steps.Single(s => s.Id == task["stepId"]!.GetValue<string>());
            var outcome = step.Outcomes.Count == 0 ? null : PreferredOutcomes.FirstOrDefault(o => step.Outcomes.ContainsKey(o)) ?? step.Outcomes.Keys.First();
            var (response, next) = await CaseApi.PostAsync(await As(CaseApi.AccountFor(signer["assignee"]!)), $"/api/cases/{id}/complete",
                new JsonObject { ["taskId"] = task["id"]!.GetValue<string>(), ["outcome"] = outcome, ["opinion"] = "同意" }, $"{itemId}-{round}");
            Assert.True(response.IsSuccessStatusCode, $"{step.Id}: {next.ToJsonString()}");
            view = next;
        }

        Assert.True(view["closed"]!.GetValue<bool>(), view.ToJsonString());
        Assert.Equal("completed", view["status"]!.GetValue<string>());
        var events = (await (await As("admin")).GetFromJsonAsync<JsonObject>($"/api/cases/{id}/timeline"))!["events"]!.AsArray();
        Assert.Equal("case-received", events[0]!["type"]!.GetValue<string>());
        Assert.Equal("case-closed", events[^1]!["type"]!.GetValue<string>());
    }

    internal static string IntakeClerk(DefinitionSet set, ItemDefinition item)
    {
        var intake = item.Workflow!.Steps.First(s => s.Kind == StepKind.Intake);
        var window = intake.By?.Window ?? set.Windows.First(w => w.Departments.Contains(item.Guide!.Department)).Id;
        return "clerk-" + window;
    }
}
