using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>
/// Security events in the audit (issue 16 item 9): account and role changes, publishes of definitions
/// and downloads of personal documents are each recorded with who acted, when and on what, and only
/// admins read them (with filters by kind and target). Pairing events: <see cref="KioskApiTests"/>.
/// </summary>
public sealed class SecurityEventsTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private DateTimeOffset _started;

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true, workTree: true);
        _started = DateTimeOffset.UtcNow.AddSeconds(-1);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client : _clients[account] = await _server.SignInAsync(account);

    /// <summary>The one event of this kind on this target, checked for actor and time.</summary>
    private async Task<JsonNode> EventAsync(string kind, string target, string actor)
    {
        var events = (await (await As("admin")).GetFromJsonAsync<JsonObject>(
            $"/api/security/events?kind={kind}&target={Uri.EscapeDataString(target)}"))!["events"]!.AsArray();
        var found = Assert.Single(events);
        Assert.Equal(kind, found!["kind"]!.GetValue<string>());
        Assert.Equal(target, found["target"]!.GetValue<string>());
        Assert.Equal(actor, found["userName"]!.GetValue<string>());
        Assert.InRange(found["at"]!.GetValue<DateTimeOffset>(), _started, DateTimeOffset.UtcNow.AddSeconds(1));
        return found;
    }

    [Fact]
    public async Task AccountAndRoleChanges_AreRecorded_WithTheAdminAndTheAccount()
    {
        var admin = await As("admin");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = "zhang-san", displayName = "张三", password = "Temporary-2026", roles = new[] { "clerk" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PutAsJsonAsync("/api/admin/users/zhang-san",
            new { displayName = "张三", roles = new[] { "clerk", "admin" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/users/zhang-san/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync("/api/admin/users/zhang-san/enable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/admin/users/zhang-san/reset-password", new { password = "Another-2026x" })).StatusCode);

        Assert.Contains("clerk", (await EventAsync("account-created", "zhang-san", "admin"))["detail"]!.GetValue<string>());
        var changed = (await EventAsync("account-changed", "zhang-san", "admin"))["detail"]!.GetValue<string>();
        Assert.Equal("角色 clerk → 角色 admin,clerk", changed);
        await EventAsync("account-disabled", "zhang-san", "admin");
        await EventAsync("account-enabled", "zhang-san", "admin");
        await EventAsync("password-reset", "zhang-san", "admin");
        // A refused change is no event.
        Assert.False((await admin.PutAsJsonAsync("/api/admin/users/zhang-san",
            new { displayName = "张三", roles = new[] { "wizard" } })).IsSuccessStatusCode);
        await EventAsync("account-changed", "zhang-san", "admin");
    }

    [Fact]
    public async Task APublish_IsRecorded_WithTheEditorAndTheNewVersion()
    {
        var guide = Path.Combine(_server.CountyRepository, "definitions", "items", "teacher-qualification", "guide.yaml");
        await File.AppendAllTextAsync(guide, "\n# 审计测试：发布留痕\n");
        var editor = await As("education-editor");
        var published = await editor.PostAsJsonAsync("/api/designer/publish", new { message = "发布留痕" });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        var version = JsonNode.Parse(await published.Content.ReadAsStringAsync())!["version"]!.GetValue<string>();
        Assert.Contains("发布留痕", (await EventAsync("definitions-published", version, "education-editor"))["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task DownloadsOfCaseFilesAndDocuments_AreRecorded_WithTheCase()
    {
        var clerk = await As("clerk-comprehensive-1");
        var item = CaseApi.Definitions(_server).Item("teacher-qualification")!;
        var (response, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }), key: Guid.NewGuid().ToString());
        Assert.True(response.IsSuccessStatusCode, view.ToJsonString());
        var id = view["id"]!.GetValue<string>();
        var scan = new byte[2000];
        Random.Shared.NextBytes(scan);
        scan[0] = 0xFF; scan[1] = 0xD8; scan[2] = 0xFF;
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/files?name={Uri.EscapeDataString("身份证.jpg")}") { Content = new ByteArrayContent(scan) })
        {
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            upload.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, (await clerk.SendAsync(upload)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/cases/{id}/files/{Convert.ToHexStringLower(SHA256.HashData(scan))}")).StatusCode);
        Assert.Contains("身份证.jpg", (await EventAsync("personal-document-downloaded", id, "clerk-comprehensive-1"))["detail"]!.GetValue<string>());

        var (issued, withNotice) = await CaseApi.PostAsync(clerk, $"/api/cases/{id}/issue-document", new JsonObject { ["templateId"] = "notices/acceptance" },
            key: Guid.NewGuid().ToString());
        Assert.True(issued.IsSuccessStatusCode, withNotice.ToJsonString());
        var documentId = withNotice["case"]!["documents"]!.AsArray().Last()!["documentId"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/api/cases/{id}/documents/{documentId}")).StatusCode);
        var events = (await (await As("admin")).GetFromJsonAsync<JsonObject>($"/api/security/events?kind=personal-document-downloaded&target={id}"))!["events"]!.AsArray();
        Assert.Equal(2, events.Count);
        Assert.Contains("notices/acceptance", events[0]!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task OnlyAdmins_ReadTheSecurityLog()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As("supervisor")).GetAsync("/api/security/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await As("admin")).GetAsync("/api/security/events?kind=sign-in&user=supervisor")).StatusCode);
        var signIns = (await (await As("admin")).GetFromJsonAsync<JsonObject>("/api/security/events?kind=sign-in&user=supervisor"))!["events"]!.AsArray();
        Assert.All(signIns, e => Assert.Equal("sign-in", e!["kind"]!.GetValue<string>()));
        Assert.NotEmpty(signIns);
    }

    [Fact]
    public async Task TheLog_IsPaged_NewestFirst_InBeijingTime_WithChineseKinds()
    {
        using var anonymous = new HttpClient { BaseAddress = _server.Http.BaseAddress };
        anonymous.DefaultRequestHeaders.Add(Security.CrossSiteWriteGuard.HeaderName, "1");
        for (var i = 1; i <= 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/auth/login", new { userName = "water-head", password = $"wrong-{i}" })).StatusCode);

        var admin = await As("admin");
        var first = (await admin.GetFromJsonAsync<JsonObject>("/api/security/events?kind=sign-in-failed&user=water-head&pageSize=2"))!;
        var second = (await admin.GetFromJsonAsync<JsonObject>("/api/security/events?kind=sign-in-failed&user=water-head&pageSize=2&page=2"))!;
        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.True(first["hasMore"]!.GetValue<bool>());
        Assert.False(second["hasMore"]!.GetValue<bool>());
        var rows = first["events"]!.AsArray().Concat(second["events"]!.AsArray()).ToList();
        Assert.Equal(3, rows.Count);
        var times = rows.Select(r => r!["at"]!.GetValue<DateTimeOffset>()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.All(rows, r =>
        {
            Assert.EndsWith("+08:00", r!["at"]!.GetValue<string>());
            Assert.Equal("登录失败", r["kindLabel"]!.GetValue<string>());
            Assert.Equal("water-head", r["userName"]!.GetValue<string>());
        });
        Assert.Contains(first["kinds"]!.AsArray(), k => k!["kind"]!.GetValue<string>() == "sign-in-locked" && k["label"]!.GetValue<string>() == "登录锁定");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/security/events?page=0")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As("water-head")).GetAsync("/api/security/events?user=water-head")).StatusCode);
    }
}
