using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Workflows.Definitions.Model;
using Workflows.Plugins.Tests;

namespace Workflows.Server.Tests;

/// <summary>
/// The two real plugins deployed into a running server's plugins folder: the webhook notifier gets
/// every stored event, signed; the shared-certificates connector lets a certificate this server
/// issued stand in for the paper at the next application (信息共享).
/// </summary>
public sealed class PluginsInServerTests : IAsyncLifetime
{
    private const string Secret = "county-hook-secret";
    private WebhookReceiver _receiver = null!;
    private RunningServer _server = null!;
    private DefinitionSet _set = null!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _receiver = WebhookReceiver.Start();
        _server = await RunningServer.StartAsync(county =>
        {
            var plugins = Path.Combine(county.Root, "data", "plugins");
            Deploy(typeof(Workflows.Plugins.Webhook.WebhookPlugin), Path.Combine(plugins, "webhook"),
                $$"""{ "url": "{{_receiver.Url}}", "secret": "{{Secret}}", "initial-delay-ms": "20" }""");
            Deploy(typeof(Workflows.Plugins.SharedCertificates.SharedCertificatesPlugin), Path.Combine(plugins, "shared-certificates"), null);
        }, demo: true);
        _set = CaseApi.Definitions(_server);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _server.DisposeAsync();
        await _receiver.DisposeAsync();
    }

    private static void Deploy(Type plugin, string folder, string? settings)
    {
        Directory.CreateDirectory(folder);
        var name = plugin.Assembly.GetName().Name!;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(plugin.Assembly.Location)!, name + ".*"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        if (settings is not null) File.WriteAllText(Path.Combine(folder, "settings.json"), settings);
    }

    private async Task<HttpClient> As(string account) =>
        _clients.TryGetValue(account, out var client) ? client : _clients[account] = await _server.SignInAsync(account);

    private async Task<JsonObject> RunToClosingAsync(string itemId, JsonObject? applicant = null)
    {
        var item = _set.Item(itemId)!;
        var body = CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" });
        if (applicant is not null) body["applicant"] = applicant;
        var (created, view) = await CaseApi.PostAsync(await As(CaseLifecycleApiTests.IntakeClerk(_set, item)), "/api/cases", body);
        Assert.True(created.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        for (var round = 0; round < 20 && !view["closed"]!.GetValue<bool>(); round++)
        {
            var task = CaseApi.ActiveTasks(view)[0]!;
            var step = item.Workflow!.Steps.Single(s => s.Id == task["stepId"]!.GetValue<string>());
            var outcome = step.Outcomes.Keys.FirstOrDefault(o => o is "pass" or "grant") ?? step.Outcomes.Keys.FirstOrDefault();
            (_, view) = await CaseApi.PostAsync(await As(CaseApi.AccountFor(task["signers"]![0]!["assignee"]!)), $"/api/cases/{view["id"]}/complete",
                new JsonObject { ["taskId"] = task["id"]!.GetValue<string>(), ["outcome"] = outcome });
        }
        Assert.True(view["closed"]!.GetValue<bool>(), view.ToJsonString());
        return view;
    }

    [Fact]
    public async Task SharedCertificate_IssuedHere_StandsInForThePaper_AtTheNextApplication()
    {
        var teacher = new JsonObject { ["type"] = "person", ["name"] = "张建国", ["idNumber"] = CaseApi.PersonId, ["phone"] = "13800000000" };
        var kindergarten = _set.Item("private-kindergarten")!;
        var checklist = new JsonObject { ["applicant"] = teacher.DeepClone(), ["form"] = CaseApi.FormFor(kindergarten) };

        // before the certificate exists nothing is shared
        var clerk = await As(CaseLifecycleApiTests.IntakeClerk(_set, kindergarten));
        var (_, before) = await CaseApi.PostAsync(clerk, "/api/items/private-kindergarten/checklist", checklist);
        Assert.Empty(before["shared"]!.AsObject());

        var qualified = await RunToClosingAsync("teacher-qualification", teacher);
        Assert.Contains(qualified["case"]!["documents"]!.AsArray(), d => d!["templateId"]!.GetValue<string>() == "certificates/teacher-qualification");

        var (_, after) = await CaseApi.PostAsync(clerk, "/api/items/private-kindergarten/checklist", checklist);
        var shared = after["shared"]!["staff-qualification"]!;
        Assert.Equal("teacher-qualification", shared["certificate"]!["licenseType"]!.GetValue<string>());
        var certificateId = shared["certificate"]!["identifier"]!.GetValue<string>();
        Assert.True(Domain.ECertificateIdentifier.IsValid(certificateId), certificateId);

        // the public (signed-out) checklist does not tell who holds what
        var (_, anonymous) = await CaseApi.PostAsync(_server.Http, "/api/items/private-kindergarten/checklist", checklist);
        Assert.Empty(anonymous["shared"]!.AsObject());

        // the clerk records the certificate as not handed in; sharing marks it received with its identifier
        var body = CaseApi.NewCase(kindergarten, new JsonObject { ["kind"] = "accept" }, m => m.Id == "staff-qualification" ? "missing" : "received");
        body["applicant"] = teacher.DeepClone();
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var material = view["case"]!["materials"]!["staff-qualification"]!;
        Assert.Equal("received", material["status"]!.GetValue<string>());
        Assert.Contains(certificateId, material["note"]!.GetValue<string>());
        Assert.Equal("in-progress", view["status"]!.GetValue<string>());

        // another person's application still needs the paper
        var stranger = body.DeepClone().AsObject();
        stranger["applicant"] = new JsonObject { ["type"] = "person", ["name"] = "李丽", ["idNumber"] = "11010519491231002X" };
        stranger["decision"] = null;
        var (_, other) = await CaseApi.PostAsync(clerk, "/api/cases", stranger);
        Assert.Equal("missing", other["case"]!["materials"]!["staff-qualification"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhook_GetsEveryStoredEvent_Signed_InOrder_WithStableDeliveryIds()
    {
        var view = await RunToClosingAsync("agri-machinery-registration");
        var id = view["id"]!.GetValue<string>();
        var timeline = JsonNode.Parse(await (await As("admin")).GetStringAsync($"/api/cases/{id}/timeline"))!["events"]!.AsArray()
            .Select(e => e!["type"]!.GetValue<string>()).ToList();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<WebhookReceiver.Received> mine;
        while ((mine = _receiver.Requests.Where(r => r.Body.Contains(id)).ToList()).Count < timeline.Count && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.Equal(timeline, mine.Select(r => r.Event!).ToList());
        Assert.Equal(mine.Count, mine.Select(r => r.Delivery).Distinct().Count());
        foreach (var request in mine)
        {
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(request.Body)));
            Assert.Equal(expected, request.Signature);
        }
        var accepted = JsonNode.Parse(mine.Single(r => r.Event == "case-accepted").Body)!;
        Assert.Equal(view["number"]!.GetValue<string>(), accepted["caseNumber"]!.GetValue<string>());
        Assert.Equal("agri-machinery-registration", accepted["itemId"]!.GetValue<string>());
    }
}
