using System.Net;
using System.Text.Json.Nodes;

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
    private IssuanceScenario _scenario = null!;

    public async Task InitializeAsync() => _scenario = await IssuanceScenario.StartAsync();

    public async Task DisposeAsync() => await _scenario.DisposeAsync();

    private async Task<string> GrantedAsync(string name) => (await _scenario.GrantedAsync(name))["id"]!.GetValue<string>();

    [Fact]
    public async Task CaseViewInboxIssuanceAndSupervision_ShowOneLevel_ForASuspendedAndAnOverdueCase()
    {
        var overdue = await GrantedAsync("张桂兰");
        var suspended = await GrantedAsync("刘志强");
        var (s, _) = await CaseApi.PostAsync(await _scenario.As("agriculture-head"), $"/api/cases/{suspended}/suspend",
            new JsonObject { ["reason"] = "现场检验", ["procedure"] = "testing", ["approver"] = "农业农村局局长", ["basis"] = "《中华人民共和国行政许可法》第四十五条" });
        Assert.Equal(HttpStatusCode.OK, s.StatusCode);
        // Promised in 2 working days from Monday 2 November: past due a week later.
        await _scenario.MoveClockAsync("2026-11-10T09:00:00+08:00");

        var expected = new Dictionary<string, (string Level, string Label)> { [overdue] = ("overdue", "超期"), [suspended] = ("suspended", "已暂停") };
        var issuance = await _scenario.GetAsync("clerk-issuance", "/api/issuance");
        var inbox = await _scenario.GetAsync("clerk-issuance", "/api/tasks?scope=mine");
        var supervision = await _scenario.GetAsync("supervisor", "/api/supervision");
        foreach (var (id, (level, label)) in expected)
        {
            var view = await _scenario.GetAsync("supervisor", $"/api/cases/{id}");
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
