using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>GET /api/cases/{id}/documents/{documentId} (the notices to print) and GET /api/cases/{id}/definition (the item as the case runs it).</summary>
public class CaseDocumentApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true);
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpClient Clerk, JsonObject View)> AcceptTeacherCaseAsync()
    {
        var item = CaseApi.Definitions(_server).Item("teacher-qualification")!;
        var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var (response, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }), key: Guid.NewGuid().ToString());
        Assert.True(response.IsSuccessStatusCode, view.ToJsonString());
        // The window prints the 受理通知书 on demand (issue-document); the case then holds it.
        var (issued, withNotice) = await CaseApi.PostAsync(clerk, $"/api/cases/{view["id"]}/issue-document",
            new JsonObject { ["templateId"] = "notices/acceptance" }, key: Guid.NewGuid().ToString());
        Assert.True(issued.IsSuccessStatusCode, withNotice.ToJsonString());
        return (clerk, withNotice);
    }

    [Fact]
    public async Task Document_OfTheCase_IsThePdfInline_ForAParty()
    {
        var (clerk, view) = await AcceptTeacherCaseAsync();
        var documents = view["case"]!["documents"]!.AsArray();
        Assert.NotEmpty(documents);
        var notice = documents.Last()!;
        var id = view["id"]!.GetValue<string>();

        var response = await clerk.GetAsync($"/api/cases/{id}/documents/{notice["documentId"]!.GetValue<string>()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Fact]
    public async Task Document_IsNotFound_ForSomeoneWhoIsNoParty_OrForAnotherHash()
    {
        var (clerk, view) = await AcceptTeacherCaseAsync();
        var id = view["id"]!.GetValue<string>();
        var documentId = view["case"]!["documents"]!.AsArray().Last()!["documentId"]!.GetValue<string>();

        var water = await _server.SignInAsync("water-reviewer");
        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/api/cases/{id}/documents/{documentId}")).StatusCode);
        var other = await clerk.GetAsync($"/api/cases/{id}/documents/{new string('a', 64)}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("WF9404", (await other.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _server.Http.GetAsync($"/api/cases/{id}/documents/{documentId}")).StatusCode);
    }

    [Fact]
    public async Task Definition_GivesTheStepsWithTheirOutcomes_AndTheForm()
    {
        var (_, view) = await AcceptTeacherCaseAsync();
        var reviewer = await _server.SignInAsync("education-reviewer");

        var definition = (await reviewer.GetFromJsonAsync<JsonObject>($"/api/cases/{view["id"]}/definition"))!;

        Assert.Equal("teacher-qualification", definition["id"]!.GetValue<string>());
        Assert.NotNull(definition["form"]!["fields"]);
        Assert.NotNull(definition["guide"]!["name"]);
        var review = definition["steps"]!.AsArray().Single(s => s!["id"]!.GetValue<string>() == "review")!;
        Assert.Equal("task", review["kind"]!.GetValue<string>());
        Assert.Equal("教育局", review["by"]!["department-name"]!.GetValue<string>());
        var outcomes = review["outcomes"]!.AsArray().Select(o => (o!["outcome"]!.GetValue<string>(), o["label"]!.GetValue<string>())).ToList();
        Assert.Contains(("pass", "通过"), outcomes);
        Assert.Contains(("reject", "不同意"), outcomes);
    }

    [Fact]
    public async Task Definition_IsNotFound_ForSomeoneWhoIsNoParty()
    {
        var (_, view) = await AcceptTeacherCaseAsync();
        var water = await _server.SignInAsync("water-reviewer");

        Assert.Equal(HttpStatusCode.NotFound, (await water.GetAsync($"/api/cases/{view["id"]}/definition")).StatusCode);
    }
}
