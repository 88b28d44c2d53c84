using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;

namespace Workflows.Server.Tests;

/// <summary>Material uploads (limits, types, access), delivery at the issuance window and the rectification a bad rating opens, over HTTP.</summary>
public sealed class CaseFilesAndAftercareApiTests : IAsyncLifetime
{
    private const string Agri = "agri-machinery-registration";
    private const string Clerk = "clerk-comprehensive-2";
    private RunningServer _server = null!;
    private DefinitionSet _set = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true, configure: o => o with { MaxUploadBytes = 64 * 1024 });
        _set = CaseApi.Definitions(_server);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client : _clients[account] = await _server.SignInAsync(account);

    private async Task<JsonObject> AcceptedAsync()
    {
        var (response, view) = await CaseApi.PostAsync(await As(Clerk), "/api/cases", CaseApi.NewCase(_set.Item(Agri)!, new JsonObject { ["kind"] = "accept" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return view;
    }

    private static byte[] Jpeg(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF; bytes[1] = 0xD8; bytes[2] = 0xFF;
        return bytes;
    }

    private async Task<HttpResponseMessage> UploadAsync(string account, JsonObject view, byte[] bytes, string name, string? materialId, string key)
    {
        var query = $"name={Uri.EscapeDataString(name)}" + (materialId is null ? "" : $"&materialId={materialId}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{view["id"]}/files?{query}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("Idempotency-Key", key);
        return await (await As(account)).SendAsync(request);
    }

    private static async Task<string> CodeOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]!.GetValue<string>();

    [Fact]
    public async Task Upload_StoresTheScanOnce_RecordsItOnTheMaterial_AndOnlyPartiesMayReadIt()
    {
        var view = await AcceptedAsync();
        var scan = Jpeg(40_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(scan));

        var uploaded = await UploadAsync(Clerk, view, scan, "身份证正反面.jpg", "owner-id-card", "up-1");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal($"/api/cases/{view["id"]}/files/{sha}", uploaded.Headers.Location!.OriginalString);
        var after = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!;
        var file = after["case"]!["attachments"]![0]!;
        Assert.Equal(("owner-id-card", "身份证正反面.jpg", "image/jpeg", sha, 40_000L),
            (file["materialId"]!.GetValue<string>(), file["fileName"]!.GetValue<string>(), file["contentType"]!.GetValue<string>(),
             file["sha256"]!.GetValue<string>(), file["size"]!.GetValue<long>()));

        // a retry with the same key records nothing twice
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(Clerk, view, scan, "身份证正反面.jpg", "owner-id-card", "up-1")).StatusCode);
        var current = await (await As(Clerk)).GetStringAsync($"/api/cases/{view["id"]}");
        Assert.Single(JsonNode.Parse(current)!["case"]!["attachments"]!.AsArray());

        // the department working on the case reads it back byte for byte
        var reviewer = await As("agriculture-reviewer");
        using var download = await reviewer.GetAsync($"/api/cases/{view["id"]}/files/{sha}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(scan, await download.Content.ReadAsByteArrayAsync());

        // another department does not learn the case exists; a digest of no file of this case is 404
        Assert.Equal(HttpStatusCode.NotFound, (await (await As("water-reviewer")).GetAsync($"/api/cases/{view["id"]}/files/{sha}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/api/cases/{view["id"]}/files/{new string('0', 64)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync("water-reviewer", view, scan, "x.jpg", null, "up-w")).StatusCode);
        // a supervisor reads, but does not add files
        Assert.Equal(HttpStatusCode.Forbidden, (await UploadAsync("supervisor", view, scan, "x.jpg", null, "up-s")).StatusCode);
    }

    [Fact]
    public async Task Upload_RefusesOversizedFiles_OtherTypes_BadNames_AndUnknownMaterials_WithStableCodes()
    {
        var view = await AcceptedAsync();

        var tooBig = await UploadAsync(Clerk, view, Jpeg(64 * 1024 + 1), "big.jpg", null, "bad-1");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("WF9003", await CodeOf(tooBig));

        var exe = await UploadAsync(Clerk, view, "MZ\u0090\u0000 not a scan"u8.ToArray(), "scan.pdf", null, "bad-2");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exe.StatusCode);
        Assert.Equal("WF9415", await CodeOf(exe));

        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(Clerk, view, Jpeg(100), "../../etc/passwd", null, "bad-3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(Clerk, view, [], "empty.pdf", null, "bad-4")).StatusCode);

        var unknown = await UploadAsync(Clerk, view, "%PDF-1.7 scan"u8.ToArray(), "a.pdf", "no-such-material", "bad-5");
        Assert.Equal((HttpStatusCode)422, unknown.StatusCode);
        Assert.Equal("WF6010", await CodeOf(unknown));

        var current = JsonNode.Parse(await (await As(Clerk)).GetStringAsync($"/api/cases/{view["id"]}"))!;
        Assert.Empty(current["case"]!["attachments"]!.AsArray());
    }

    [Fact]
    public async Task IssuanceWindow_RecordsACourierDelivery_ThenABadRatingOpensRectificationForTheHead()
    {
        var view = await AcceptedAsync();
        foreach (var (step, account, outcome) in new[] { ("review", "agriculture-reviewer", "pass"), ("decide", "agriculture-head", "grant") })
        {
            var task = CaseApi.ActiveTasks(view).Single(t => t!["stepId"]!.GetValue<string>() == step)!["id"]!.GetValue<string>();
            (_, view) = await CaseApi.PostAsync(await As(account), $"/api/cases/{view["id"]}/complete", new JsonObject { ["taskId"] = task, ["outcome"] = outcome });
        }
        var deliver = CaseApi.ActiveTasks(view).Single()!["id"]!.GetValue<string>();
        var issuer = await As("clerk-issuance");

        var (noTracking, problem) = await CaseApi.PostAsync(issuer, $"/api/cases/{view["id"]}/complete",
            new JsonObject { ["taskId"] = deliver, ["delivery"] = new JsonObject { ["method"] = "courier" } });
        Assert.Equal((HttpStatusCode)422, noTracking.StatusCode);
        Assert.Equal("WF6034", problem["code"]!.GetValue<string>());

        var (delivered, done) = await CaseApi.PostAsync(issuer, $"/api/cases/{view["id"]}/complete", new JsonObject
        {
            ["taskId"] = deliver, ["opinion"] = "已邮寄",
            ["delivery"] = new JsonObject { ["method"] = "courier", ["trackingNumber"] = "EMS1100223344", ["recipient"] = "张建国" },
        });
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal("EMS1100223344", done["case"]!["delivery"]!["trackingNumber"]!.GetValue<string>());

        // A rating received by another channel (12345 回访) is registered by an admin; the clerk who served may not rate.
        Assert.Equal(HttpStatusCode.Forbidden, (await CaseApi.PostAsync(await As(Clerk), $"/api/cases/{view["id"]}/evaluate",
            new JsonObject { ["level"] = "very-satisfied" })).Response.StatusCode);
        var (_, rated) = await CaseApi.PostAsync(await As("admin"), $"/api/cases/{view["id"]}/evaluate",
            new JsonObject { ["level"] = "very-dissatisfied", ["comment"] = "证书寄错地址", ["by"] = "12345 回访" });
        Assert.True(rated["case"]!["rectification"]!["due"] is not null, rated.ToJsonString());

        Assert.Equal(HttpStatusCode.Forbidden, (await CaseApi.PostAsync(await As("agriculture-reviewer"), $"/api/cases/{view["id"]}/rectify",
            new JsonObject { ["measures"] = "x" })).Response.StatusCode);
        var (rectified, closed) = await CaseApi.PostAsync(await As("agriculture-head"), $"/api/cases/{view["id"]}/rectify",
            new JsonObject { ["measures"] = "与快递公司核对地址，重新寄送并致歉" });
        Assert.Equal(HttpStatusCode.OK, rectified.StatusCode);
        Assert.NotNull(closed["case"]!["rectification"]!["completedAt"]);
    }
}
