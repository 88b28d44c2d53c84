using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Server.Security;

namespace Workflows.Server.Tests;

/// <summary>
/// The rating tablet as a device (issue 16 item 6): an admin pairs it with a window, it holds a device
/// session that sees only that window's current case (the one the clerk there last finished) and rates
/// it, every other API answers 403, leaving needs the PIN (with a lock), unpairing signs it out.
/// A real server over HTTP, each client with its own cookie jar like a browser.
/// </summary>
public sealed class KioskApiTests : IAsyncLifetime
{
    private const string Agri = "agri-machinery-registration";
    private const string Pin = "246810";
    private RunningServer _server = null!;
    private DefinitionSet _set = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _server = await RunningServer.StartAsync(demo: true);
        _set = CaseApi.Definitions(_server);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client : _clients[account] = await _server.SignInAsync(account);

    private HttpClient Browser()
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _server.Http.BaseAddress };
        client.DefaultRequestHeaders.Add(CrossSiteWriteGuard.HeaderName, "1");
        _clients["browser-" + _clients.Count] = client;
        return client;
    }

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static async Task<string?> CodeOf(HttpResponseMessage response) => (await JsonOf(response))["code"]?.GetValue<string>();

    private async Task<string> WindowOf(string account) => (await (await As(account)).GetFromJsonAsync<JsonObject>("/api/auth/me"))!["window"]!.GetValue<string>();

    /// <summary>The admin creates a device for the window; returns its id and one-time code.</summary>
    private async Task<(string Id, string Code)> CreateDeviceAsync(string window, string name = "出件窗口评价器")
    {
        var response = await (await As("admin")).PostAsJsonAsync("/api/kiosk/devices", new { name, window, pin = Pin });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await JsonOf(response);
        var code = body["pairingCode"]!.GetValue<string>();
        Assert.Matches("^[0-9]{8}$", code);
        return (body["device"]!["id"]!.GetValue<string>(), code);
    }

    private async Task<HttpClient> PairedTabletAsync(string code)
    {
        var tablet = Browser();
        var response = await tablet.PostAsJsonAsync("/api/kiosk/pair", new { code });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return tablet;
    }

    /// <summary>Received at window 2, granted by 农业农村局, handed over by the issuance clerk: closed, unrated.</summary>
    private async Task<string> FinishedAtIssuanceAsync(string applicant)
    {
        var body = CaseApi.NewCase(_set.Item(Agri)!, new JsonObject { ["kind"] = "accept" });
        body["applicant"]!["name"] = applicant;
        var (response, view) = await CaseApi.PostAsync(await As("clerk-comprehensive-2"), "/api/cases", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        foreach (var (step, account, outcome) in new[] { ("review", "agriculture-reviewer", "pass"), ("decide", "agriculture-head", "grant") })
        {
            var task = CaseApi.ActiveTasks(view).Single(t => t!["stepId"]!.GetValue<string>() == step)!["id"]!.GetValue<string>();
            (response, view) = await CaseApi.PostAsync(await As(account), $"/api/cases/{view["id"]}/complete", new JsonObject { ["taskId"] = task, ["outcome"] = outcome });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var id = view["id"]!.GetValue<string>();
        var row = (await (await As("clerk-issuance")).GetFromJsonAsync<JsonObject>("/api/issuance"))!["waiting"]!.AsArray()
            .Single(r => r!["caseId"]!.GetValue<string>() == id)!;
        (response, view) = await CaseApi.PostAsync(await As("clerk-issuance"), $"/api/cases/{id}/complete",
            new JsonObject { ["taskId"] = row["taskId"]!.GetValue<string>(), ["delivery"] = new JsonObject { ["method"] = "window" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", view["status"]!.GetValue<string>());
        return id;
    }

    [Fact]
    public async Task PairedTablet_ShowsTheCaseTheClerkAtItsWindowFinished_AndRatesItOnce()
    {
        var window = await WindowOf("clerk-issuance");
        var (_, code) = await CreateDeviceAsync(window);
        var tablet = await PairedTabletAsync(code);
        var idle = (await tablet.GetFromJsonAsync<JsonObject>("/api/kiosk/current"))!;
        Assert.Equal(window, idle["window"]!.GetValue<string>());

        var caseId = await FinishedAtIssuanceAsync("王秀英");
        var current = (await tablet.GetFromJsonAsync<JsonObject>("/api/kiosk/current"))!["case"]!;
        Assert.Equal(caseId, current["id"]!.GetValue<string>());
        Assert.Equal("王*英", current["applicantName"]!.GetValue<string>());
        Assert.False(current["evaluated"]!.GetValue<bool>());
        Assert.Null(current["idNumber"]);

        // Only the current case: another id is refused, the current one is rated once.
        var other = await tablet.PostAsJsonAsync("/api/kiosk/evaluate", new { caseId = Guid.NewGuid(), level = "very-satisfied" });
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal("WF9486", await CodeOf(other));
        var rated = await tablet.PostAsJsonAsync("/api/kiosk/evaluate", new { caseId, level = "satisfied", comment = "办事很快" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var again = await tablet.PostAsJsonAsync("/api/kiosk/evaluate", new { caseId, level = "dissatisfied" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var seen = (await (await As("clerk-issuance")).GetFromJsonAsync<JsonObject>($"/api/cases/{caseId}"))!;
        Assert.Equal("satisfied", seen["case"]!["evaluation"]!["level"]!.GetValue<string>());
        Assert.True((await tablet.GetFromJsonAsync<JsonObject>("/api/kiosk/current"))!["case"]!["evaluated"]!.GetValue<bool>());

        // The code was one-time.
        var reused = await Browser().PostAsJsonAsync("/api/kiosk/pair", new { code });
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal("WF9481", await CodeOf(reused));
    }

    [Fact]
    public async Task ClerkPush_ShowsThatCaseOnTheWindowsTablets_AndOtherWindowsTabletsDoNotSeeIt()
    {
        var issuance = await WindowOf("clerk-issuance");
        var caseId = await FinishedAtIssuanceAsync("李明");
        var elsewhere = await PairedTabletAsync((await CreateDeviceAsync(await WindowOf("clerk-comprehensive-2"), "二号窗口评价器")).Code);
        Assert.NotEqual(caseId, (await elsewhere.GetFromJsonAsync<JsonObject>("/api/kiosk/current"))!["case"]?["id"]?.GetValue<string>());
        var pushed = await (await As("clerk-comprehensive-2")).PostAsJsonAsync("/api/kiosk/window-case", new { caseId });
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        Assert.Equal(caseId, (await elsewhere.GetFromJsonAsync<JsonObject>("/api/kiosk/current"))!["case"]!["id"]!.GetValue<string>());
        Assert.NotEqual(issuance, await WindowOf("clerk-comprehensive-2"));
        // A supervisor has no window: nothing to push to.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As("supervisor")).PostAsJsonAsync("/api/kiosk/window-case", new { caseId })).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/cases")]
    [InlineData("GET", "/api/auth/me")]
    [InlineData("GET", "/api/auth/session")]
    [InlineData("GET", "/api/evaluations/pending")]
    [InlineData("GET", "/api/issuance")]
    [InlineData("GET", "/api/work")]
    [InlineData("GET", "/api/items")]
    [InlineData("GET", "/api/security/events")]
    [InlineData("GET", "/api/kiosk/devices")]
    [InlineData("GET", "/openapi/v1.json")]
    [InlineData("POST", "/api/auth/logout")]
    [InlineData("POST", "/api/kiosk/window-case")]
    [InlineData("POST", "/api/kiosk/pair")]
    public async Task PairedTablet_GetsForbiddenEverywhereElse(string method, string path)
    {
        var tablet = await PairedTabletAsync((await CreateDeviceAsync(await WindowOf("clerk-issuance"))).Code);
        var response = await tablet.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            { Content = method == "POST" ? JsonContent.Create(new { caseId = Guid.NewGuid(), code = "12345678" }) : null });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("WF9480", await CodeOf(response));
        // And the device still works (a 403 does not end it).
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/api/kiosk/current")).StatusCode);
    }

    [Fact]
    public async Task PairingInAClerksBrowser_EndsTheClerksSession()
    {
        var clerkBrowser = Browser();
        Assert.Equal(HttpStatusCode.OK, (await clerkBrowser.PostAsJsonAsync("/api/auth/login", new { userName = "clerk-issuance", password = Auth.DemoAccounts.Password })).StatusCode);
        var clerkCookie = clerkBrowser.DefaultRequestHeaders.Contains("Cookie") ? null : GetCookie(clerkBrowser);
        var (_, code) = await CreateDeviceAsync(await WindowOf("clerk-issuance"));
        Assert.Equal(HttpStatusCode.OK, (await clerkBrowser.PostAsJsonAsync("/api/kiosk/pair", new { code })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerkBrowser.GetAsync("/api/cases")).StatusCode);
        // The clerk's old cookie, kept or copied, no longer signs anyone in.
        using var replay = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _server.Http.BaseAddress };
        replay.DefaultRequestHeaders.Add("Cookie", clerkCookie);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/auth/me")).StatusCode);
    }

    private string GetCookie(HttpClient client)
    {
        var handler = (HttpClientHandler)typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client)!;
        return handler.CookieContainer.GetCookieHeader(_server.Http.BaseAddress!);
    }

    [Fact]
    public async Task RevokedTablet_IsSignedOut_AndItsCodeNoLongerWorks()
    {
        var (id, code) = await CreateDeviceAsync(await WindowOf("clerk-issuance"));
        var tablet = await PairedTabletAsync(code);
        var fresh = await (await As("admin")).PostAsync($"/api/kiosk/devices/{id}/pairing-code", null);
        var unusedCode = (await JsonOf(fresh))["pairingCode"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await (await As("admin")).PostAsync($"/api/kiosk/devices/{id}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.GetAsync("/api/kiosk/current")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Browser().PostAsJsonAsync("/api/kiosk/pair", new { code = unusedCode })).StatusCode);
        var listed = (await (await As("admin")).GetFromJsonAsync<JsonObject>("/api/kiosk/devices"))!["devices"]!.AsArray().Single(d => d!["id"]!.GetValue<string>() == id)!;
        Assert.Equal("revoked", listed["status"]!.GetValue<string>());
        Assert.Equal("admin", listed["revokedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task LeavingKioskMode_NeedsThePin_AndLocksAfterRepeatedWrongPins()
    {
        var tablet = await PairedTabletAsync((await CreateDeviceAsync(await WindowOf("clerk-issuance"))).Code);
        var wrong = await tablet.PostAsJsonAsync("/api/kiosk/exit", new { pin = "000000" });
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal("WF9482", await CodeOf(wrong));
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/api/kiosk/current")).StatusCode);
        for (var i = 2; i < 5; i++) Assert.Equal(HttpStatusCode.Forbidden, (await tablet.PostAsJsonAsync("/api/kiosk/exit", new { pin = "111111" })).StatusCode);
        var fifth = await tablet.PostAsJsonAsync("/api/kiosk/exit", new { pin = "222222" });
        Assert.Equal((HttpStatusCode)429, fifth.StatusCode);
        Assert.Equal("WF9483", await CodeOf(fifth));
        // Locked: even the right PIN does not leave now.
        var locked = await tablet.PostAsJsonAsync("/api/kiosk/exit", new { pin = Pin });
        Assert.Equal((HttpStatusCode)429, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/api/kiosk/current")).StatusCode);

        var other = await PairedTabletAsync((await CreateDeviceAsync(await WindowOf("clerk-issuance"), "二号评价器")).Code);
        Assert.Equal(HttpStatusCode.NoContent, (await other.PostAsJsonAsync("/api/kiosk/exit", new { pin = Pin })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/kiosk/current")).StatusCode);
    }

    [Fact]
    public async Task OnlyAdminsPairTablets_WithAValidWindowAndPin()
    {
        var window = await WindowOf("clerk-issuance");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As("clerk-issuance")).PostAsJsonAsync("/api/kiosk/devices", new { name = "x", window, pin = Pin })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As("clerk-issuance")).GetAsync("/api/kiosk/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As("clerk-issuance")).GetAsync("/api/kiosk/current")).StatusCode);
        var shortPin = await (await As("admin")).PostAsJsonAsync("/api/kiosk/devices", new { name = "x", window, pin = "12" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, shortPin.StatusCode);
        Assert.Equal("WF9484", await CodeOf(shortPin));
        var letters = await (await As("admin")).PostAsJsonAsync("/api/kiosk/devices", new { name = "x", window, pin = "abcdefgh" });
        Assert.Equal("WF9484", await CodeOf(letters));
        var nowhere = await (await As("admin")).PostAsJsonAsync("/api/kiosk/devices", new { name = "x", window = "no-such-window", pin = Pin });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nowhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await As("admin")).PostAsync("/api/kiosk/devices/kd-none/revoke", null)).StatusCode);
    }

    [Fact]
    public async Task PairingUnpairingAndPins_AreSecurityEvents_WithActorTimeAndTarget()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (id, code) = await CreateDeviceAsync(await WindowOf("clerk-issuance"));
        var tablet = await PairedTabletAsync(code);
        await tablet.PostAsJsonAsync("/api/kiosk/exit", new { pin = "999999" });
        await (await As("admin")).PostAsJsonAsync($"/api/kiosk/devices/{id}/pin", new { pin = "13579135" });
        await (await As("admin")).PostAsync($"/api/kiosk/devices/{id}/revoke", null);
        var events = (await (await As("admin")).GetFromJsonAsync<JsonObject>($"/api/security/events?kind=kiosk-*&target={id}"))!["events"]!.AsArray();
        foreach (var (kind, actor) in new[] { ("kiosk-device-created", "admin"), ("kiosk-paired", "kiosk:" + id), ("kiosk-pin-failed", "kiosk:" + id),
                     ("kiosk-pin-set", "admin"), ("kiosk-unpaired", "admin") })
        {
            var e = Assert.Single(events, e => e!["kind"]!.GetValue<string>() == kind)!;
            Assert.Equal(actor, e["userName"]!.GetValue<string>());
            Assert.Equal(id, e["target"]!.GetValue<string>());
            Assert.InRange(e["at"]!.GetValue<DateTimeOffset>(), before, DateTimeOffset.UtcNow.AddSeconds(1));
        }
    }
}
