using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

public class ItemApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync();
    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Items_ListsEverySampleItem_WithChineseLabels()
    {
        var body = await _server.GetJsonAsync("/api/items");

        var items = body["items"]!.AsArray();
        Assert.True(items.Count >= 8);
        var teacher = items.Single(i => i!["id"]!.GetValue<string>() == "teacher-qualification")!;
        Assert.Equal("行政许可", teacher["type-label"]!.GetValue<string>());
        Assert.Equal("education", teacher["department"]!.GetValue<string>());
        Assert.Equal("comprehensive-1", teacher["window"]!.GetValue<string>());
    }

    [Fact]
    public async Task Items_FilterByDepartment_ReturnsOnlyThatDepartmentsItems()
    {
        var body = await _server.GetJsonAsync("/api/items?department=water");

        var items = body["items"]!.AsArray();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("water", i!["department"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Item_ReturnsTheGuide_WithTheFilesVocabulary()
    {
        var body = await _server.GetJsonAsync("/api/items/teacher-qualification");

        Assert.Contains("教师资格", body["guide"]!["name"]!.GetValue<string>());
        Assert.NotNull(body["guide"]!["limits"]!["promised"]);
        Assert.Matches("^[0-9]+wd$", body["guide"]!["limits"]!["statutory"]!.GetValue<string>());
        Assert.NotEmpty(body["materials"]!.AsArray());
    }

    [Fact]
    public async Task UnknownItem_IsA404ProblemWithAStableCode()
    {
        var response = await _server.Http.GetAsync("/api/items/no-such-item");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("WF9404", problem["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Checklist_DependsOnTheApplicant_ConditionalMaterialsComeAndGo()
    {
        var item = await _server.GetJsonAsync("/api/items/social-organization");
        var conditional = item["materials"]!.AsArray().Where(m => m!["when"] is not null).ToList();
        Assert.NotEmpty(conditional);

        var person = await Checklist("social-organization", """{ "applicant": { "type": "person", "name": "张三" }, "form": {} }""");
        var organization = await Checklist("social-organization", """{ "applicant": { "type": "organization", "name": "七台河市桃山区书法家协会" }, "form": {} }""");

        Assert.Equal(item["materials"]!.AsArray().Count, person.Count);
        var unconditional = person.Where(m => m["material"]!["when"] is null).ToList();
        Assert.All(unconditional, m => Assert.True(m["applies"]!.GetValue<bool>()));
        Assert.NotEqual(Applying(person), Applying(organization));
    }

    [Fact]
    public async Task Checklist_MalformedJson_Is400WithCode()
    {
        var response = await _server.Http.PostAsync("/api/items/teacher-qualification/checklist", new StringContent("{ not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("WF9001", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Checklist_OversizedBody_Is413WithCode()
    {
        var big = "{\"form\":{\"x\":\"" + new string('a', 2 * 1024 * 1024) + "\"}}";
        var response = await _server.Http.PostAsync("/api/items/teacher-qualification/checklist", new StringContent(big, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("WF9003", (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheItemEndpoints()
    {
        var doc = await _server.GetJsonAsync("/openapi/v1.json");

        Assert.NotNull(doc["paths"]!["/api/items"]);
        Assert.NotNull(doc["paths"]!["/api/items/{id}/checklist"]);
    }

    private async Task<List<JsonObject>> Checklist(string id, string json)
    {
        var response = await _server.Http.PostAsync($"/api/items/{id}/checklist", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return body["materials"]!.AsArray().Select(m => m!.AsObject()).ToList();
    }

    private static string Applying(List<JsonObject> entries) =>
        string.Join(",", entries.Where(e => e["applies"]!.GetValue<bool>()).Select(e => e["material"]!["id"]!.GetValue<string>()));
}
