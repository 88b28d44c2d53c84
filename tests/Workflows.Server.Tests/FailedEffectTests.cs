using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Plugins.Tests;
using Workflows.Server.Effects;

namespace Workflows.Server.Tests;

/// <summary>
/// A notice whose webhook receiver is down: after its last retry it shows on the case's timeline
/// with the reason (admins and supervisors see the reason), and an admin runs it again once the
/// receiver is back. The real server, the real webhook plugin, a real receiver on loopback.
/// </summary>
public sealed class FailedEffectTests
{
    private const string Item = "agri-machinery-registration";

    [Fact]
    public async Task AfterItsLastRetry_AFailedNoticeIsOnTheTimelineWithItsReason_AndAnAdminRunsItAgain()
    {
        var port = EffectsFaultTests.FreePort();
        await using var server = await RunningServer.StartAsync(county => EffectsFaultTests.Deploy(typeof(Workflows.Plugins.Webhook.WebhookPlugin),
            Path.Combine(county.Root, "data", "plugins", "webhook"),
            $$"""{ "url": "http://127.0.0.1:{{port}}/hook", "secret": "failed", "max-attempts": "1", "initial-delay-ms": "20" }"""), demo: true);
        var set = CaseApi.Definitions(server);
        var item = set.Item(Item)!;
        var clerk = await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
        var admin = await server.SignInAsync("admin");
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = view["id"]!.GetValue<string>();

        // The case's notice is pending: its receiver does not answer.
        var notice = (await EffectsAsync(admin, id)).First(e => e["kind"]!.GetValue<string>() == "case.notify");
        var effectId = notice["id"]!.GetValue<string>();
        Assert.Equal("发送通知", notice["label"]!.GetValue<string>());

        // Its last retry, as the job runs it (waiting while an earlier attempt holds it): it fails.
        var runner = server.Services.GetRequiredService<EffectRunner>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.True(DateTime.UtcNow < deadline, "the notice stayed busy for 60 s");
            var failed = false;
            try { if (await runner.RunAsync(effectId, lastAttempt: true) != EffectRunner.Outcome.Busy) break; }
            catch (Exception) { failed = true; }
            if (failed) break;
            await Task.Delay(100);
        }

        var shown = (await EffectsAsync(admin, id)).Single(e => e["id"]!.GetValue<string>() == effectId);
        Assert.Equal("failed", shown["state"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(shown["reason"]?.GetValue<string>()), shown.ToJsonString());
        var supervisor = await server.SignInAsync("supervisor");
        Assert.NotNull((await EffectsAsync(supervisor, id)).Single(e => e["id"]!.GetValue<string>() == effectId)["reason"]);
        // The clerk sees that it failed, not the receiver's details.
        var seenByClerk = (await EffectsAsync(clerk, id)).Single(e => e["id"]!.GetValue<string>() == effectId);
        Assert.Equal("failed", seenByClerk["state"]!.GetValue<string>());
        Assert.Null(seenByClerk["reason"]);

        // Only an admin runs it again, and only an effect of that case.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/cases/{id}/effects/{effectId}/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync($"/api/cases/{id}/effects/{effectId}/run", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Http.PostAsync($"/api/cases/{id}/effects/{effectId}/run", null)).StatusCode);
        using var elsewhere = await admin.PostAsync($"/api/cases/{Guid.NewGuid()}/effects/{effectId}/run", null);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("WF9404", (await elsewhere.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());

        // Still down: the admin's run fails too, and says why.
        var again = await RunAsync(admin, id, effectId);
        Assert.Equal("failed", again["state"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(again["reason"]?.GetValue<string>()));

        // The receiver is back: the admin's run delivers it (unless a job's retry did a moment
        // before), and the timeline no longer lists it.
        await using var receiver = WebhookReceiver.Start(port: port);
        var done = await RunAsync(admin, id, effectId);
        Assert.True(done["state"]?.GetValue<string>() == "done" || done["code"]?.GetValue<string>() == Api.Problems.EffectDone, done.ToJsonString());
        Assert.DoesNotContain(await EffectsAsync(admin, id), e => e["id"]!.GetValue<string>() == effectId);
        Assert.Contains(receiver.Requests, r => r.Delivery is not null && r.Body.Contains(id, StringComparison.Ordinal));
        using var twice = await admin.PostAsync($"/api/cases/{id}/effects/{effectId}/run", null);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("WF9413", (await twice.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>());
    }

    private static async Task<List<JsonNode>> EffectsAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/cases/{id}/timeline"))!["effects"]!.AsArray().Select(e => e!).ToList();

    /// <summary>The admin's run; while a job's attempt holds the effect (409 WF9429), asks again.</summary>
    private static async Task<JsonObject> RunAsync(HttpClient admin, string id, string effectId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await admin.PostAsync($"/api/cases/{id}/effects/{effectId}/run", null);
            var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
            if (response.IsSuccessStatusCode || body["code"]?.GetValue<string>() == Api.Problems.EffectDone) return body;
            Assert.True(body["code"]?.GetValue<string>() == Api.Problems.EffectBusy && DateTime.UtcNow < deadline, $"{(int)response.StatusCode} {body.ToJsonString()}");
            await Task.Delay(100);
        }
    }
}
