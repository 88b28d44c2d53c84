using System.Net;
using System.Text.Json.Nodes;

namespace Workflows.Server.Tests;

/// <summary>Idempotency keys belong to the caller: another user's identical key is another request.</summary>
public sealed class CallerScopedKeyTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(demo: true);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_same_predictable_key_from_two_users_makes_two_cases_and_each_retry_replays_its_own()
    {
        var item = CaseApi.Definitions(_server).Item("agri-machinery-registration")!;
        using var clerk = await _server.SignInAsync("clerk-comprehensive-2");
        using var admin = await _server.SignInAsync("admin");
        var body = CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" });

        // The README's example key, used first by someone else: the clerk's case must still be made.
        var (byAdmin, adminCase) = await CaseApi.PostAsync(admin, "/api/cases", body.DeepClone().AsObject(), key: "window-2-0001");
        var (byClerk, clerkCase) = await CaseApi.PostAsync(clerk, "/api/cases", body.DeepClone().AsObject(), key: "window-2-0001");
        Assert.Equal(HttpStatusCode.Created, byAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byClerk.StatusCode);
        Assert.NotEqual(adminCase["id"]!.GetValue<string>(), clerkCase["id"]!.GetValue<string>());
        Assert.NotEqual(adminCase["number"]!.GetValue<string>(), clerkCase["number"]!.GetValue<string>());

        var (retry, replayed) = await CaseApi.PostAsync(clerk, "/api/cases", body.DeepClone().AsObject(), key: "window-2-0001");
        Assert.True(retry.IsSuccessStatusCode);
        Assert.Equal(clerkCase["id"]!.GetValue<string>(), replayed["id"]!.GetValue<string>());
        Assert.True(replayed["replayed"]!.GetValue<bool>());

        // A command on one case with a key another user already used on it is also two requests.
        var id = clerkCase["id"]!.GetValue<string>();
        using var supervisor = await _server.SignInAsync("supervisor");
        var (first, _) = await CaseApi.PostAsync(supervisor, $"/api/cases/{id}/urge", new JsonObject { ["message"] = "请尽快办理" }, key: "urge-1");
        var (second, urged) = await CaseApi.PostAsync(admin, $"/api/cases/{id}/urge", new JsonObject { ["message"] = "请尽快办理" }, key: "urge-1");
        Assert.True(first.IsSuccessStatusCode);
        Assert.True(second.IsSuccessStatusCode);
        Assert.NotEqual(true, urged["replayed"]?.GetValue<bool>());
    }
}
