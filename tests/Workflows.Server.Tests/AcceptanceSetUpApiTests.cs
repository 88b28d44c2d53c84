using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>
/// The two acceptance set-ups through the HTTP API (DOMAIN §3), on the sample county: 代理记账资格 is
/// 前台收件、后台受理 at the delegated window 3 (the finance bureau decides acceptance), 农机 registration
/// is 委托受理 at the delegated window 2.
/// </summary>
public sealed class AcceptanceSetUpApiTests : IAsyncLifetime
{
    private const string BackOfficeItem = "bookkeeping-agency";
    private RunningServer _server = null!;
    private DefinitionSet _set = null!;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true);
        _set = CaseApi.Definitions(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ItemApi_SaysWhoDecidesAcceptance()
    {
        using var clerk = await _server.SignInAsync("clerk-comprehensive-3");
        var backOffice = (await clerk.GetFromJsonAsync<JsonObject>($"/api/items/{BackOfficeItem}"))["acceptance"]!;
        Assert.Equal("back-office", backOffice["setUp"]!.GetValue<string>());
        Assert.Equal("受理审查", backOffice["stepName"]!.GetValue<string>());
        Assert.Equal("七台河市桃山区财政局", backOffice["department"]!.GetValue<string>());
        var window = (await clerk.GetFromJsonAsync<JsonObject>("/api/items/agri-machinery-registration"))["acceptance"]!;
        Assert.Equal("window", window["setUp"]!.GetValue<string>());
    }

    [Fact]
    public async Task BackOffice_TheWindowReceivesOnly_TheFinanceBureauAccepts()
    {
        var item = _set.Item(BackOfficeItem)!;
        using var clerk = await _server.SignInAsync("clerk-comprehensive-3");

        // 受理 in the same call is refused with its code; the case exists (received) and the problem names it.
        var (refused, problem) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }));
        Assert.Equal((HttpStatusCode)422, refused.StatusCode);
        Assert.Equal("WF6060", problem["code"]!.GetValue<string>());

        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, decision: null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("received", view["status"]!.GetValue<string>());
        var task = Assert.Single(CaseApi.ActiveTasks(view));
        Assert.Equal("accept-decision", task!["stepId"]!.GetValue<string>());
        Assert.Equal(view["case"]!["clocks"]!["acceptanceDue"]!.GetValue<string>(), task["due"]!.GetValue<string>());

        // The window's own 受理 on the received case: refused, nothing changes.
        var (again, why) = await CaseApi.PostAsync(clerk, $"/api/cases/{view["id"]}/accept", new JsonObject());
        Assert.Equal((HttpStatusCode)422, again.StatusCode);
        Assert.Equal("WF6060", why["code"]!.GetValue<string>());

        using var reviewer = await _server.SignInAsync("finance-reviewer");
        var (accepted, after) = await CaseApi.PostAsync(reviewer, $"/api/cases/{view["id"]}/complete", new JsonObject
        {
            ["taskId"] = task["id"]!.GetValue<string>(), ["outcome"] = "accept", ["opinion"] = "材料齐全、符合法定形式",
        });
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("in-progress", after["status"]!.GetValue<string>());
        Assert.Equal("finance-reviewer", after["case"]!["acceptedBy"]!.GetValue<string>());
        Assert.Contains(CaseApi.ActiveTasks(after), t => t!["stepId"]!.GetValue<string>() == "review");
    }
}
