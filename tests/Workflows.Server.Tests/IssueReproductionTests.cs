using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Server.Security;

namespace Workflows.Server.Tests;

/// <summary>
/// The unexpected successes the security review found, each now answered with a 4xx and a stable code:
/// any certificate on any case, the issuance window as a party from receipt, an editor reinstating
/// items, and 500s for bad input.
/// </summary>
public sealed class IssueReproductionTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true, workTree: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<string> AcceptedAsync(string clerk, string itemId)
    {
        using var client = await _server.SignInAsync(clerk);
        var (response, view) = await CaseApi.PostAsync(client, "/api/cases", CaseApi.NewCase(CaseApi.Definitions(_server).Item(itemId)!, new JsonObject { ["kind"] = "accept" }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        return view["id"]!.GetValue<string>();
    }

    private static async Task<(HttpStatusCode Status, string? Code)> IssueAsync(HttpClient client, string caseId, string templateId)
    {
        var (response, body) = await CaseApi.PostAsync(client, $"/api/cases/{caseId}/issue-document", new JsonObject { ["templateId"] = templateId });
        return (response.StatusCode, body["code"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_window_clerk_cannot_issue_another_items_certificate_or_a_decision_before_the_decision()
    {
        var id = await AcceptedAsync("clerk-comprehensive-2", "agri-machinery-registration");
        using var clerk = await _server.SignInAsync("clerk-comprehensive-2");
        Assert.Equal((HttpStatusCode.UnprocessableEntity, SecurityProblems.DocumentNotIssuable), await IssueAsync(clerk, id, "certificates/teacher-qualification"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, SecurityProblems.DocumentNotIssuable), await IssueAsync(clerk, id, "certificates/agri-machinery-registration"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, SecurityProblems.DocumentNotIssuable), await IssueAsync(clerk, id, "notices/approval-decision"));
        // Unknown templates were a 500.
        Assert.Equal((HttpStatusCode.UnprocessableEntity, SecurityProblems.DocumentNotIssuable), await IssueAsync(clerk, id, "notices/no-such-notice"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, SecurityProblems.DocumentNotIssuable), await IssueAsync(clerk, id, "../../etc/passwd"));
        // What the case has earned is still issued: the accepted case's 受理通知书.
        Assert.Equal(HttpStatusCode.OK, (await IssueAsync(clerk, id, "notices/acceptance")).Status);

        var view = JsonNode.Parse(await clerk.GetStringAsync($"/api/cases/{id}"))!;
        var templates = view["case"]!["documents"]!.AsArray().Select(d => d!["templateId"]!.GetValue<string>()).ToList();
        Assert.Equal(["notices/acceptance"], templates);
    }

    [Fact]
    public async Task The_issuance_window_is_no_party_to_a_case_before_it_has_a_task_on_it()
    {
        var id = await AcceptedAsync("clerk-comprehensive-1", "teacher-qualification");
        using var issuance = await _server.SignInAsync("clerk-issuance");
        Assert.Equal(HttpStatusCode.NotFound, (await issuance.GetAsync($"/api/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await issuance.GetAsync($"/api/cases/{id}/timeline")).StatusCode);
        foreach (var (command, body) in new[]
        {
            ("refuse", new JsonObject { ["reasons"] = new JsonArray("测试") }),
            ("withdraw", new JsonObject { ["reason"] = "测试" }),
            ("accept", new JsonObject()),
        })
        {
            var (response, problem) = await CaseApi.PostAsync(issuance, $"/api/cases/{id}/{command}", body);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("WF9404", problem["code"]!.GetValue<string>());
        }
        var upload = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]);
        upload.Headers.ContentType = new("image/jpeg");
        Assert.Equal(HttpStatusCode.NotFound, (await issuance.PostAsync($"/api/cases/{id}/files?name=x.jpg", upload)).StatusCode);
        var search = JsonNode.Parse(await issuance.GetStringAsync("/api/cases?take=200"))!["items"]!.AsArray();
        Assert.DoesNotContain(search, c => c!["id"]!.GetValue<string>() == id);
        // The window that received it still sees it.
        using var intake = await _server.SignInAsync("clerk-comprehensive-1");
        Assert.Equal(HttpStatusCode.OK, (await intake.GetAsync($"/api/cases/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_party_acts_only_at_its_own_step_and_in_a_state_that_admits_the_command()
    {
        var id = await AcceptedAsync("clerk-comprehensive-1", "teacher-qualification");
        async Task<(HttpStatusCode, string?)> As(string account, string command, JsonObject body)
        {
            using var client = await _server.SignInAsync(account);
            var (response, problem) = await CaseApi.PostAsync(client, $"/api/cases/{id}/{command}", body);
            return (response.StatusCode, problem["code"]?.GetValue<string>());
        }
        var view = JsonNode.Parse(await (await _server.SignInAsync("education-reviewer")).GetStringAsync($"/api/cases/{id}"))!.AsObject();
        var review = CaseApi.ActiveTasks(view).Single()!["id"]!.GetValue<string>();

        // At the 教育局 review step: the intake window no longer decides, the reviewer does not act for the window or the head.
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("clerk-comprehensive-1", "complete", new JsonObject { ["taskId"] = review, ["outcome"] = "pass" }));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("education-head", "claim", new JsonObject { ["taskId"] = review }));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("education-reviewer", "withdraw", new JsonObject { ["reason"] = "测试" }));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("education-reviewer", "suspend", new JsonObject { ["reason"] = "测试" }));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("supervisor", "extend", new JsonObject { ["workingDays"] = 1, ["approver"] = "局长", ["reason"] = "测试" }));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("admin", "complete", new JsonObject { ["taskId"] = review, ["outcome"] = "pass" }));
        // Another department's head may not even learn that the case exists.
        Assert.Equal((HttpStatusCode.NotFound, "WF9404"), await As("water-head", "suspend", new JsonObject { ["reason"] = "测试" }));
        // The right person, but a state that does not admit the command: 受理 twice, 恢复 of a running case, 评价 before 办结.
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotInThisState), await As("clerk-comprehensive-1", "accept", new JsonObject()));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotInThisState), await As("education-head", "resume", new JsonObject()));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotInThisState), await As("admin", "evaluate", new JsonObject { ["level"] = "satisfied" }));

        // Granted and at 统一出件: the issuance window works its task, but neither withdraws nor refuses the case.
        Assert.Equal(HttpStatusCode.OK, (await As("education-reviewer", "complete", new JsonObject { ["taskId"] = review, ["outcome"] = "pass" })).Item1);
        view = JsonNode.Parse(await (await _server.SignInAsync("education-head")).GetStringAsync($"/api/cases/{id}"))!.AsObject();
        Assert.Equal(HttpStatusCode.OK, (await As("education-head", "complete", new JsonObject { ["taskId"] = CaseApi.ActiveTasks(view).Single()!["id"]!.GetValue<string>(), ["outcome"] = "grant" })).Item1);
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("clerk-issuance", "withdraw", new JsonObject { ["reason"] = "测试" }));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("clerk-issuance", "refuse", new JsonObject { ["reasons"] = new JsonArray("测试") }));
        Assert.Equal((HttpStatusCode.Forbidden, CaseCommandPolicy.NotYourStep), await As("education-reviewer", "issue-document", new JsonObject { ["templateId"] = "notices/material-receipt" }));
        Assert.Equal(HttpStatusCode.OK, (await As("clerk-issuance", "issue-document", new JsonObject { ["templateId"] = "notices/material-receipt" })).Item1);
    }

    [Fact]
    public async Task A_department_editor_may_retire_its_item_but_only_an_admin_reinstates_it()
    {
        using var editor = await _server.SignInAsync("water-editor");
        var retired = await editor.PostAsync("/api/designer/items/water-permit/retire", JsonContent.Create(new { note = "并入取水许可延续" }));
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        var refused = await editor.PostAsync("/api/designer/items/water-permit/reinstate", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("WF9403", JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
        using var admin = await _server.SignInAsync("admin");
        var reinstated = await admin.PostAsync("/api/designer/items/water-permit/reinstate", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
    }

    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/api/templates/notices/acceptance/preview")]
    [InlineData("/api/items/teacher-qualification/checklist")]
    [InlineData("/api/designer/items/teacher-qualification/guide/validate")]
    [InlineData("/api/designer/templates/notices/acceptance/preview")]
    public async Task Invalid_UTF8_inside_a_JSON_string_is_a_400_not_a_500(string path)
    {
        using var admin = await _server.SignInAsync("admin");
        byte[] body = [.. "{\"itemId\":\"teacher-qualification\",\"text\":\"\u540d"u8, 0xFF, 0xFE, .. "\",\"applicant\":{\"name\":\"\u5f20"u8, 0xC3, .. "\"}}"u8];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var response = await admin.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(SecurityProblems.InvalidUtf8, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>());
    }
}
