using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Domain;
using Workflows.Server.Cases;

namespace Workflows.Server.Tests;

/// <summary>
/// A 告知承诺 核查 outlives 办结: once past its due date (the test clock moves there) supervision counts it
/// from the index columns, and it waits in the department's inbox as 超期 until it is done.
/// </summary>
public sealed class PledgeCheckSupervisionTests
{
    private const string ItemId = "teacher-qualification";
    private const string Proof = "no-criminal-record";

    private static async Task<JsonObject> OkAsync(HttpClient client, string path, JsonObject body)
    {
        var (response, view) = await CaseApi.PostAsync(client, path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {view.ToJsonString()}");
        return view;
    }

    private static string TaskAt(JsonObject view, string stepId) =>
        CaseApi.ActiveTasks(view).Single(t => t!["stepId"]!.GetValue<string>() == stepId)!["id"]!.GetValue<string>();

    [Fact]
    public async Task AnOverdueCheck_OnACompletedCase_IsCountedBySupervision_AndListedInTheInboxAsOverdue()
    {
        await using var server = await RunningServer.StartAsync(demo: true, configure: o => o with { TestClock = true, SeedDemoCases = false });
        var clock = server.Services.GetRequiredService<ServerClock>();
        clock.MoveTo(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        var item = CaseApi.Definitions(server).Item(ItemId)!;

        using var clerk = await server.SignInAsync("clerk-comprehensive-1");
        var body = CaseApi.NewCase(item, decision: null, m => m.Id == Proof ? "missing" : "received");
        var first17 = "23090319900101091";
        body["applicant"]!["idNumber"] = first17 + ResidentId.ComputeCheckCharacter(first17);
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        var id = view["id"]!.GetValue<string>();
        view = await OkAsync(clerk, $"/api/cases/{id}/choose-pledge", new JsonObject { ["materialIds"] = new JsonArray(Proof) });
        view = await OkAsync(clerk, $"/api/cases/{id}/accept", []);
        using var reviewer = await server.SignInAsync("education-reviewer");
        using var head = await server.SignInAsync("education-head");
        view = await OkAsync(reviewer, $"/api/cases/{id}/complete", new JsonObject { ["taskId"] = TaskAt(view, "review"), ["outcome"] = "pass", ["opinion"] = "符合认定条件" });
        view = await OkAsync(head, $"/api/cases/{id}/complete", new JsonObject { ["taskId"] = TaskAt(view, "decide"), ["outcome"] = "grant", ["opinion"] = "准予认定" });
        view = await OkAsync(await server.SignInAsync("clerk-issuance"), $"/api/cases/{id}/complete",
            new JsonObject { ["taskId"] = TaskAt(view, "deliver"), ["delivery"] = new JsonObject { ["method"] = "window", ["recipient"] = "张建国" } });
        Assert.Equal("completed", view["status"]!.GetValue<string>());
        var checkTask = TaskAt(view, "pledge-check");
        var due = DateOnly.Parse(view["case"]!["pledge"]!["checkDue"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

        async Task<(int Total, int Department)> CountedAsync()
        {
            var overview = (await head.GetFromJsonAsync<JsonObject>("/api/supervision"))!;
            var education = overview["departments"]!.AsArray().SingleOrDefault(d => d!["department"]!.GetValue<string>() == "education");
            return (overview["totals"]!["pledgeCheckOverdue"]!.GetValue<int>(), education?["pledgeCheckOverdue"]?.GetValue<int>() ?? 0);
        }

        clock.MoveTo(new DateTimeOffset(due.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        Assert.Equal((0, 0), await CountedAsync());

        clock.MoveTo(new DateTimeOffset(due.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        Assert.Equal((1, 1), await CountedAsync());
        var inbox = (await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=department"))!;
        var row = inbox["tasks"]!.AsArray().Single(t => t!["taskId"]!.GetValue<string>() == checkTask && t["caseId"]!.GetValue<string>() == id)!;
        Assert.Equal(("overdue", "超期"), (row["level"]!.GetValue<string>(), row["levelLabel"]!.GetValue<string>()));

        // Done: no longer counted, no longer waiting.
        await OkAsync(reviewer, $"/api/cases/{id}/check-pledge", new JsonObject { ["taskId"] = checkTask, ["truthful"] = true, ["findings"] = "网络核验属实" });
        Assert.Equal((0, 0), await CountedAsync());
        inbox = (await reviewer.GetFromJsonAsync<JsonObject>("/api/tasks?scope=department"))!;
        Assert.DoesNotContain(inbox["tasks"]!.AsArray(), t => t!["caseId"]!.GetValue<string>() == id);
    }
}
