using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Workflows.Server.Security;

namespace Workflows.Server.Tests;

/// <summary>
/// Looking at an applicant's ID photo is recorded, but not at every fetch: the case page shows the
/// photo at every visit, so the security log gets one entry per session, case and file within an hour
/// (<see cref="PersonalDownloads.Window"/>), then again after it; another sign-in is recorded at once.
/// The photo is still answered <c>no-store</c> (no disk cache on a window PC keeps it).
/// </summary>
public sealed class PersonalDownloadLogTests : IAsyncLifetime
{
    /// <summary>A clock the test moves: sessions and the security log read it, nothing else does.</summary>
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualTime _time = new();
    private RunningServer _server = null!;

    // Sessions idle for a working day, so moving the clock past the hour does not end them.
    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true,
        configure: o => o with { SeedDemoCases = false, Security = new SecuritySettings { Time = _time, IdleTimeout = TimeSpan.FromHours(8) } });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<int> ViewsAsync(string caseId) =>
        (await (await _server.SignInAsync("admin")).GetFromJsonAsync<JsonObject>($"/api/security/events?kind=personal-document-downloaded&target={caseId}"))!["events"]!.AsArray().Count;

    [Fact]
    public async Task TheIdPhoto_IsRecordedOncePerSessionAndHour_NotAtEveryFetch_AndIsNotCached()
    {
        var clerk = await _server.SignInAsync("clerk-comprehensive-1");
        var item = CaseApi.Definitions(_server).Item("teacher-qualification")!;
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }), key: Guid.NewGuid().ToString());
        Assert.True(created.IsSuccessStatusCode, view.ToJsonString());
        var id = view["id"]!.GetValue<string>();
        var photo = new byte[1500];
        Random.Shared.NextBytes(photo);
        photo[0] = 0xFF; photo[1] = 0xD8; photo[2] = 0xFF;
        using (var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/files?name={Uri.EscapeDataString("身份证照片.jpg")}") { Content = new ByteArrayContent(photo) })
        {
            upload.Content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            upload.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            Assert.Equal(HttpStatusCode.Created, (await clerk.SendAsync(upload)).StatusCode);
        }
        var path = $"/api/cases/{id}/files/{Convert.ToHexStringLower(SHA256.HashData(photo))}";

        // The page rendered three times: one look.
        for (var i = 0; i < 3; i++)
        {
            using var answer = await clerk.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("no-store", answer.Headers.CacheControl?.ToString());
            Assert.Equal(photo, await answer.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(1, await ViewsAsync(id));

        // 59 minutes on, still the same look; past the hour, a new one.
        _time.Now += TimeSpan.FromMinutes(59);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(path)).StatusCode);
        Assert.Equal(1, await ViewsAsync(id));
        _time.Now += TimeSpan.FromMinutes(2);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(path)).StatusCode);
        Assert.Equal(2, await ViewsAsync(id));

        // The same clerk signed in again (another PC): recorded at once, with who and what.
        var elsewhere = await _server.SignInAsync("clerk-comprehensive-1");
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync(path)).StatusCode);
        Assert.Equal(3, await ViewsAsync(id));
        var newest = (await (await _server.SignInAsync("admin")).GetFromJsonAsync<JsonObject>(
            $"/api/security/events?kind=personal-document-downloaded&target={id}"))!["events"]!.AsArray()[0]!;
        Assert.Equal("clerk-comprehensive-1", newest["userName"]!.GetValue<string>());
        Assert.Contains("身份证照片.jpg", newest["detail"]!.GetValue<string>());
    }
}

/// <summary><see cref="PersonalDownloads"/>'s rule by itself: what counts as the same look.</summary>
public sealed class PersonalDownloadsWindowTests
{
    private sealed class ManualTime : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void ALook_IsKeyedBySessionCaseAndFile_AndLastsAnHour()
    {
        var time = new ManualTime();
        var looks = new PersonalDownloads(new SecuritySettings { Time = time });
        var caseId = Guid.NewGuid();
        Assert.True(looks.IsNewLook("s1", caseId, "file:a"));
        Assert.False(looks.IsNewLook("s1", caseId, "file:a"));
        Assert.True(looks.IsNewLook("s1", caseId, "file:b"));
        Assert.True(looks.IsNewLook("s2", caseId, "file:a"));
        Assert.True(looks.IsNewLook("s1", Guid.NewGuid(), "file:a"));
        time.Now += PersonalDownloads.Window;
        Assert.True(looks.IsNewLook("s1", caseId, "file:a"));
        Assert.False(looks.IsNewLook("s1", caseId, "file:a"));
    }
}
