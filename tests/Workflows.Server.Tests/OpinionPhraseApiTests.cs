using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>常用意见 through the real server: own phrases, the department's (kept by its head), and nobody else's.</summary>
public class OpinionPhraseApiTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<JsonObject> Json(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    private static async Task<List<string>> Texts(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonObject>("/api/opinion-phrases"))!["phrases"]!.AsArray().Select(p => p!["text"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Reviewer_SeesOwnAndDepartmentPhrases_OthersSeeNeither()
    {
        var head = await _server.SignInAsync("education-head");
        var reviewer = await _server.SignInAsync("education-reviewer");
        var other = await _server.SignInAsync("water-reviewer");

        var departmental = await head.PostAsJsonAsync("/api/opinion-phrases", new { text = "经审查，符合法定条件，拟准予许可", scope = "department" });
        Assert.Equal(HttpStatusCode.OK, departmental.StatusCode);
        var own = await Json(await reviewer.PostAsJsonAsync("/api/opinion-phrases", new { text = "  材料齐全，同意受理  " }));
        Assert.Equal("user", own["scope"]!.GetValue<string>());
        var twice = await Json(await reviewer.PostAsJsonAsync("/api/opinion-phrases", new { text = "材料齐全，同意受理" }));
        Assert.Equal(own["id"]!.GetValue<string>(), twice["id"]!.GetValue<string>());

        Assert.Equal(["经审查，符合法定条件，拟准予许可", "材料齐全，同意受理"], await Texts(reviewer));
        Assert.Equal(["经审查，符合法定条件，拟准予许可"], await Texts(head));
        Assert.Empty(await Texts(other));

        // Someone else's phrase cannot be deleted, and its existence is not told.
        var stolen = await other.DeleteAsync($"/api/opinion-phrases/{own["id"]!.GetValue<string>()}");
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(2, (await Texts(reviewer)).Count);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync($"/api/opinion-phrases/{own["id"]!.GetValue<string>()}")).StatusCode);
        Assert.Equal(["经审查，符合法定条件，拟准予许可"], await Texts(reviewer));
    }

    [Fact]
    public async Task BadPhrases_AreRefusedWithTheirCodes_AndNothingIsSaved()
    {
        var reviewer = await _server.SignInAsync("education-reviewer");
        var supervisor = await _server.SignInAsync("supervisor");

        var empty = await reviewer.PostAsJsonAsync("/api/opinion-phrases", new { text = "   " });
        var tooLong = await reviewer.PostAsJsonAsync("/api/opinion-phrases", new { text = new string('意', 501) });
        var notHead = await reviewer.PostAsJsonAsync("/api/opinion-phrases", new { text = "部门意见", scope = "department" });
        var noDepartment = await supervisor.PostAsJsonAsync("/api/opinion-phrases", new { text = "部门意见", scope = "department" });

        Assert.Equal("WF9620", (await Json(empty))["code"]!.GetValue<string>());
        Assert.Equal("WF9620", (await Json(tooLong))["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, notHead.StatusCode);
        Assert.Equal("WF9621", (await Json(noDepartment))["code"]!.GetValue<string>());
        Assert.Contains("常用意见", (await Json(await reviewer.PostAsJsonAsync("/api/opinion-phrases", new { text = "" })))["detail"]!.GetValue<string>());
        Assert.Empty(await Texts(reviewer));
        Assert.Empty(await Texts(supervisor));
    }
}
