using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Workflows.Server.Tests.DesignerHttp;

namespace Workflows.Server.Tests;

/// <summary>
/// Review before publish (office.yaml <c>designer.review-before-publish: true</c>) on a real county
/// repository: a publish waits as a pending change, HEAD and the running definitions stay as they
/// were; a second admin, never the author, approves it and exactly the reviewed commit goes live,
/// or rejects it and the edits stay in the work tree. A change overtaken by another publish cannot
/// go live as reviewed.
/// </summary>
public sealed class DesignerReviewApiTests : IAsyncLifetime
{
    private const string Teacher = "teacher-qualification";
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(
        county => File.AppendAllText(county.PathOf("office.yaml"), "designer:\n  review-before-publish: true\n"), demo: true, workTree: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Git(params string[] args) => Repo.Git(_server.CountyRepository, args);

    /// <summary>A second admin, created by the first and past the forced password change.</summary>
    private async Task<HttpClient> SecondAdminAsync()
    {
        var admin = await _server.SignInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            userName = "li-admin", displayName = "李管理", password = "Review-2026!", roles = new[] { "admin" }, department = (string?)null, window = (string?)null,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var second = await _server.SignInAsync("li-admin", "Review-2026!");
        var changed = await second.PostAsJsonAsync("/api/account/password", new { currentPassword = "Review-2026!", newPassword = "Second-admin-2026" });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        // A password change ends the account's sessions: sign in again with the new one.
        return await _server.SignInAsync("li-admin", "Second-admin-2026");
    }

    /// <summary>Saves the teacher item's id card as deferrable (or back to required) through the designer.</summary>
    private static async Task SaveIdCardAsync(HttpClient client, string necessity, string deferralLimit = "5wd")
    {
        var read = await OkAsync(SendAsync(client, HttpMethod.Get, $"/api/designer/items/{Teacher}/materials"));
        var materials = read["model"]!.AsArray().DeepClone().AsArray();
        var idCard = materials.Single(m => m!["id"]!.GetValue<string>() == "id-card")!.AsObject();
        idCard["necessity"] = necessity;
        if (necessity == "deferrable") idCard["deferral-limit"] = deferralLimit;
        await OkAsync(SendAsync(client, HttpMethod.Put, $"/api/designer/items/{Teacher}/materials", new JsonObject { ["model"] = materials }, read["etag"]!.GetValue<string>()));
    }

    private async Task<string> NecessityAsync() =>
        (await _server.GetJsonAsync($"/api/items/{Teacher}"))["materials"]!.AsArray()
            .Single(m => m!["id"]!.GetValue<string>() == "id-card")!["necessity"]!.GetValue<string>();

    private async Task<JsonArray> EventsAsync(HttpClient admin, string kind, string target) =>
        (await admin.GetFromJsonAsync<JsonObject>($"/api/security/events?kind={kind}&target={target}"))!["events"]!.AsArray();

    [Fact]
    public async Task Publish_WaitsForASecondAdmin_TheAuthorCannotApprove_ApprovalPublishesExactlyTheReviewedCommit()
    {
        var author = await _server.SignInAsync("admin");
        var second = await SecondAdminAsync();
        var headBefore = Git("rev-parse", "HEAD").Trim();
        var versionBefore = (await _server.GetJsonAsync("/api/definitions/status"))["version"]!.GetValue<string>();

        await SaveIdCardAsync(author, "deferrable");
        var asked = await OkAsync(SendAsync(author, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "居民身份证可容缺受理" }), HttpStatusCode.Accepted);
        var review = asked["review"]!.GetValue<string>();

        // Nothing went live: HEAD, the version and the item are as before.
        Assert.True(asked["pending"]!.GetValue<bool>());
        Assert.Equal(headBefore, Git("rev-parse", "HEAD").Trim());
        Assert.Equal(versionBefore, (await _server.GetJsonAsync("/api/definitions/status"))["version"]!.GetValue<string>());
        Assert.Equal("required", await NecessityAsync());

        // Both admins see it with its diff; only the other one may decide.
        var seenByAuthor = await OkAsync(SendAsync(author, HttpMethod.Get, "/api/designer/reviews"));
        var seenBySecond = await OkAsync(SendAsync(second, HttpMethod.Get, "/api/designer/reviews"));
        Assert.True(seenByAuthor["enabled"]!.GetValue<bool>());
        var mine = seenByAuthor["reviews"]!.AsArray().Single()!;
        var theirs = seenBySecond["reviews"]!.AsArray().Single()!;
        Assert.Equal(review, theirs["review"]!.GetValue<string>());
        Assert.False(mine["mayDecide"]!.GetValue<bool>());
        Assert.True(theirs["mayDecide"]!.GetValue<bool>());
        Assert.False(theirs["stale"]!.GetValue<bool>());
        Assert.Equal("admin", theirs["authorUser"]!.GetValue<string>());
        var file = theirs["files"]!.AsArray().Single()!;
        Assert.Equal($"definitions/items/{Teacher}/materials.yaml", file["path"]!.GetValue<string>());
        Assert.Contains("necessity", file["raw"]!.GetValue<string>());
        Assert.NotEmpty(file["semantic"]!.AsArray());

        var (ownStatus, own) = await SendAsync(author, HttpMethod.Post, $"/api/designer/reviews/{review}/approve", new JsonObject());
        Assert.Equal(HttpStatusCode.Forbidden, ownStatus);
        Assert.Equal("WF9416", own["code"]!.GetValue<string>());
        Assert.Equal(headBefore, Git("rev-parse", "HEAD").Trim());

        // The author keeps editing after asking: that edit is not part of what is approved.
        await SaveIdCardAsync(author, "deferrable", deferralLimit: "3wd");

        var approved = await OkAsync(SendAsync(second, HttpMethod.Post, $"/api/designer/reviews/{review}/approve", new JsonObject()));
        Assert.Equal(review, approved["commit"]!.GetValue<string>());
        Assert.Equal(review, Git("rev-parse", "HEAD").Trim());
        Assert.Equal($"系统管理员 <admin@workflows.local>|居民身份证可容缺受理", Git("log", "-1", "--format=%an <%ae>|%s").Trim());
        Assert.Equal($"definitions/items/{Teacher}/materials.yaml", Git("show", "--name-only", "--format=", "HEAD").Trim());
        Assert.Equal("deferrable", await NecessityAsync());
        Assert.Contains("5wd", Git("show", $"HEAD:definitions/items/{Teacher}/materials.yaml"));
        Assert.DoesNotContain("3wd", Git("show", $"HEAD:definitions/items/{Teacher}/materials.yaml"));
        Assert.NotEqual(versionBefore, approved["version"]!.GetValue<string>());
        Assert.Equal([$"definitions/items/{Teacher}/materials.yaml"], approved["remaining"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Empty((await OkAsync(SendAsync(second, HttpMethod.Get, "/api/designer/reviews")))["reviews"]!.AsArray());

        var (again, gone) = await SendAsync(second, HttpMethod.Post, $"/api/designer/reviews/{review}/approve", new JsonObject());
        Assert.Equal(HttpStatusCode.NotFound, again);
        Assert.Equal("WF9404", gone["code"]!.GetValue<string>());
        Assert.Equal("admin", (await EventsAsync(second, "definitions-review-requested", review)).Single()!["userName"]!.GetValue<string>());
        Assert.Equal("li-admin", (await EventsAsync(second, "definitions-review-approved", review)).Single()!["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARejection_ReachesTheAuthorWithReasonReviewerAndTime_AndTheResubmissionCarriesItInItsHistory()
    {
        const string materials = $"definitions/items/{Teacher}/materials.yaml";
        var editor = await _server.SignInAsync("education-editor");
        var otherEditor = await _server.SignInAsync("agriculture-editor");
        var second = await SecondAdminAsync();

        await SaveIdCardAsync(editor, "deferrable");
        var first = (await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "居民身份证可容缺受理" }), HttpStatusCode.Accepted))["review"]!.GetValue<string>();
        var before = DateTimeOffset.UtcNow;
        var rejected = await OkAsync(SendAsync(second, HttpMethod.Post, $"/api/designer/reviews/{first}/reject", new JsonObject { ["reason"] = "容缺期限请与教育局确认" }));
        Assert.Equal("rejected", rejected["decision"]!["kind"]!.GetValue<string>());

        // Where the author publishes: no longer pending, and it says why, who (by name) and when.
        var seen = await OkAsync(SendAsync(editor, HttpMethod.Get, "/api/designer/reviews"));
        Assert.Empty(seen["reviews"]!.AsArray());
        var returned = Assert.Single(seen["returned"]!.AsArray())!;
        Assert.Equal((first, "居民身份证可容缺受理", "education-editor"), (returned["review"]!.GetValue<string>(), returned["message"]!.GetValue<string>(), returned["authorUser"]!.GetValue<string>()));
        Assert.Equal([materials], returned["files"]!.AsArray().Select(f => f!.GetValue<string>()));
        var decision = returned["decision"]!;
        Assert.Equal(("rejected", "李管理", "li-admin", "容缺期限请与教育局确认"),
            (decision["kind"]!.GetValue<string>(), decision["by"]!.GetValue<string>(), decision["byUser"]!.GetValue<string>(), decision["reason"]!.GetValue<string>()));
        Assert.InRange(decision["at"]!.GetValue<DateTimeOffset>(), before.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.EndsWith("+08:00", decision["at"]!.GetValue<string>()); // Beijing time, as the security log answers
        Assert.Empty(returned["history"]!.AsArray());
        // Admins see it too; an editor of another department does not.
        Assert.Single((await OkAsync(SendAsync(second, HttpMethod.Get, "/api/designer/reviews")))["returned"]!.AsArray());
        Assert.Empty((await OkAsync(SendAsync(otherEditor, HttpMethod.Get, "/api/designer/reviews")))["returned"]!.AsArray());

        // The author revises and submits again: the new pending change carries the rejection, which is returned no longer.
        await SaveIdCardAsync(editor, "deferrable", deferralLimit: "3wd");
        var again = (await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "居民身份证可容缺受理（3 个工作日内补交）" }),
            HttpStatusCode.Accepted))["review"]!.GetValue<string>();
        var listed = await OkAsync(SendAsync(second, HttpMethod.Get, "/api/designer/reviews"));
        Assert.Empty(listed["returned"]!.AsArray());
        var pending = Assert.Single(listed["reviews"]!.AsArray())!;
        Assert.Equal(again, pending["review"]!.GetValue<string>());
        var round = Assert.Single(pending["history"]!.AsArray())!;
        Assert.Equal((first, "居民身份证可容缺受理", "rejected", "李管理", "容缺期限请与教育局确认"),
            (round["review"]!.GetValue<string>(), round["message"]!.GetValue<string>(), round["decision"]!["kind"]!.GetValue<string>(),
             round["decision"]!["by"]!.GetValue<string>(), round["decision"]!["reason"]!.GetValue<string>()));

        // The author takes it back this time: a withdrawal, and the history keeps the first round.
        var withdrawn = await OkAsync(SendAsync(editor, HttpMethod.Post, $"/api/designer/reviews/{again}/reject", new JsonObject()));
        Assert.Equal(("withdrawn", "education-editor"), (withdrawn["decision"]!["kind"]!.GetValue<string>(), withdrawn["decision"]!["byUser"]!.GetValue<string>()));
        var back = Assert.Single((await OkAsync(SendAsync(editor, HttpMethod.Get, "/api/designer/reviews")))["returned"]!.AsArray())!;
        Assert.Equal(again, back["review"]!.GetValue<string>());
        Assert.Equal([first], back["history"]!.AsArray().Select(r => r!["review"]!.GetValue<string>()));

        // Approved on the third submission: both earlier rounds stay with the published change, in order.
        var third = (await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "居民身份证可容缺受理（第三次提交）" }),
            HttpStatusCode.Accepted))["review"]!.GetValue<string>();
        var history = Assert.Single((await OkAsync(SendAsync(second, HttpMethod.Get, "/api/designer/reviews")))["reviews"]!.AsArray())!["history"]!.AsArray();
        Assert.Equal([(first, "rejected"), (again, "withdrawn")], history.Select(r => (r!["review"]!.GetValue<string>(), r["decision"]!["kind"]!.GetValue<string>())));
        await OkAsync(SendAsync(second, HttpMethod.Post, $"/api/designer/reviews/{third}/approve", new JsonObject()));
        var after = await OkAsync(SendAsync(editor, HttpMethod.Get, "/api/designer/reviews"));
        Assert.Empty(after["reviews"]!.AsArray());
        Assert.Empty(after["returned"]!.AsArray());
        Assert.Contains("李管理", Git("notes", "--ref", "refs/notes/workflows-reviews", "show", third));
    }

    [Fact]
    public async Task Reject_KeepsTheEditsInTheWorkTree_AndAnEditorCannotDecide_AndAnOvertakenChangeIsStale()
    {
        var editor = await _server.SignInAsync("education-editor");
        var admin = await _server.SignInAsync("admin");
        var second = await SecondAdminAsync();
        var headBefore = Git("rev-parse", "HEAD").Trim();

        await SaveIdCardAsync(editor, "deferrable");
        var first = (await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "容缺" }), HttpStatusCode.Accepted))["review"]!.GetValue<string>();
        var (editorStatus, denied) = await SendAsync(editor, HttpMethod.Post, $"/api/designer/reviews/{first}/approve", new JsonObject());
        Assert.Equal(HttpStatusCode.Forbidden, editorStatus);
        Assert.Equal("WF9416", denied["code"]!.GetValue<string>());

        var rejected = await OkAsync(SendAsync(admin, HttpMethod.Post, $"/api/designer/reviews/{first}/reject", new JsonObject { ["reason"] = "容缺期限请与科室确认" }));
        Assert.Equal(first, rejected["review"]!.GetValue<string>());
        Assert.Empty((await OkAsync(SendAsync(editor, HttpMethod.Get, "/api/designer/reviews")))["reviews"]!.AsArray());
        Assert.Equal(headBefore, Git("rev-parse", "HEAD").Trim());
        Assert.Contains($"definitions/items/{Teacher}/materials.yaml", Git("status", "--porcelain"));
        Assert.Contains("容缺期限请与科室确认", (await EventsAsync(admin, "definitions-review-rejected", first)).Single()!["detail"]!.GetValue<string>());

        // Two changes asked for on the same version: once one goes live, the other is stale.
        var a = (await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "容缺（再次提交）" }), HttpStatusCode.Accepted))["review"]!.GetValue<string>();
        var b = (await OkAsync(SendAsync(editor, HttpMethod.Post, "/api/designer/publish", new JsonObject { ["message"] = "容缺（重复提交）" }), HttpStatusCode.Accepted))["review"]!.GetValue<string>();
        await OkAsync(SendAsync(second, HttpMethod.Post, $"/api/designer/reviews/{a}/approve", new JsonObject()));
        var listed = (await OkAsync(SendAsync(second, HttpMethod.Get, "/api/designer/reviews")))["reviews"]!.AsArray().Single()!;
        Assert.Equal(b, listed["review"]!.GetValue<string>());
        Assert.True(listed["stale"]!.GetValue<bool>());
        var (staleStatus, stale) = await SendAsync(second, HttpMethod.Post, $"/api/designer/reviews/{b}/approve", new JsonObject());
        Assert.Equal(HttpStatusCode.Conflict, staleStatus);
        Assert.Equal("WF9414", stale["code"]!.GetValue<string>());
        Assert.Equal(a, Git("rev-parse", "HEAD").Trim());
    }
}
