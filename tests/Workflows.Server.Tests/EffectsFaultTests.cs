using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Plugins.Tests;
using Workflows.Server.Effects;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary>
/// Faults a user would trust the server through (issue 13): a server killed (-9) between its commits
/// and their effects while the webhook receiver is down, and racing decisions on one case. Real
/// processes, a real receiver on loopback, bounded waits on states.
/// </summary>
public sealed class EffectsFaultTests : IDisposable
{
    private const string Item = "agri-machinery-registration";
    private readonly Repo.SampleCounty _county = new();
    private string Data => Path.Combine(_county.Root, "data");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _county.Dispose();
    }

    [Fact]
    public async Task KilledBetweenCommitAndEffects_WithTheReceiverDown_EveryNotificationArrivesOncePerDeliveryId_AndEveryDocumentExists()
    {
        var port = FreePort();
        Deploy(typeof(Workflows.Plugins.Webhook.WebhookPlugin), Path.Combine(Data, "plugins", "webhook"),
            $$"""{ "url": "http://127.0.0.1:{{port}}/hook", "secret": "fault", "max-attempts": "1", "initial-delay-ms": "20" }""");
        var set = DefinitionLoader.Load(_county.Definitions, null);
        var cases = new List<JsonObject>();
        await using (var first = await ServerProcess.StartAsync(_county, Data, null, "--demo", "--no-demo-cases"))
        {
            // The receiver is down: every delivery fails and waits for its retry. The last commands'
            // renders may not have run either when the process dies.
            for (var i = 0; i < 3; i++) cases.Add(await RunToClosingAsync(first, set));
            first.KillHard();
        }

        await using var receiver = WebhookReceiver.Start(port: port);
        await using var second = await ServerProcess.StartAsync(_county, Data, null, "--demo", "--no-demo-cases");
        var admin = await second.SignInAsync("admin");
        foreach (var view in cases)
        {
            var id = view["id"]!.GetValue<string>();
            var timeline = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{id}/timeline"))!["events"]!.AsArray()
                .Select(e => e!["type"]!.GetValue<string>()).ToList();
            var deadline = DateTime.UtcNow.AddSeconds(120);
            List<WebhookReceiver.Received> delivered;
            while ((delivered = Distinct(receiver, id)).Count < timeline.Count)
            {
                Assert.True(DateTime.UtcNow < deadline, $"case {id}: {delivered.Count} of {timeline.Count} events arrived\n{second.Output}");
                await Task.Delay(200);
            }
            // At least once each; after de-duplication by delivery id, exactly the case's events.
            Assert.Equal(timeline.Order(), delivered.Select(r => r.Event!).Order());
            foreach (var document in view["case"]!["documents"]!.AsArray())
            {
                // A render the killed process had claimed waits for its lease to end (503 WF9505 meanwhile), then runs.
                var path = $"/api/cases/{id}/documents/{document!["documentId"]!.GetValue<string>()}";
                var until = DateTime.UtcNow + EffectRunner.Lease + TimeSpan.FromSeconds(60);
                HttpResponseMessage pdf;
                while ((pdf = await admin.GetAsync(path)).StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < until)
                {
                    pdf.Dispose();
                    await Task.Delay(500);
                }
                using (pdf)
                {
                    Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
                    Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);
                }
            }
        }
        Assert.NotEmpty(cases.SelectMany(c => c["case"]!["documents"]!.AsArray()));
    }

    [Fact]
    public async Task GrantRacingDeny_TheRegisterAndVerifyMatchTheCommittedOutcome()
    {
        await using var server = await RunningServer.StartAsync(demo: true);
        var set = CaseApi.Definitions(server);
        var item = set.Item(Item)!;
        var register = (ICertificateRegister)server.Services.GetRequiredService<ICaseStore>();
        var outcomes = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            var clerk = await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
            var (_, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }));
            var id = view["id"]!.GetValue<string>();
            var review = CaseApi.ActiveTasks(view)[0]!;
            (_, view) = await CaseApi.PostAsync(await server.SignInAsync(CaseApi.AccountFor(review["signers"]![0]!["assignee"]!)), $"/api/cases/{id}/complete",
                new JsonObject { ["taskId"] = review["id"]!.GetValue<string>(), ["outcome"] = "pass" });
            var decide = CaseApi.ActiveTasks(view)[0]!;
            var head = CaseApi.AccountFor(decide["signers"]![0]!["assignee"]!);
            var (a, b) = (await server.SignInAsync(head), await server.SignInAsync(head));
            var version = view["version"]!.GetValue<long>();
            JsonObject Body(string outcome) => new() { ["taskId"] = decide["id"]!.GetValue<string>(), ["outcome"] = outcome };
            var grant = CaseApi.PostAsync(a, $"/api/cases/{id}/complete", Body("grant"), ifMatch: version);
            var deny = CaseApi.PostAsync(b, $"/api/cases/{id}/complete", Body("deny"), ifMatch: version);
            var results = await Task.WhenAll(grant, deny);

            // One decision commits at the version both saw; the other is refused (409).
            Assert.Single(results, r => r.Response.IsSuccessStatusCode);
            var decision = results[0].Response.IsSuccessStatusCode ? "granted" : "denied";
            outcomes.Add(decision);
            var entries = await register.CertificatesOfCaseAsync(Guid.Parse(id));
            if (decision == "granted")
            {
                var entry = Assert.Single(entries);
                var verified = await server.GetJsonAsync($"/verify/{entry.Identifier}?format=json");
                Assert.Equal("有效", verified["status"]!.GetValue<string>());
            }
            else
            {
                // Denied: no certificate was ever registered, so none can verify as valid.
                Assert.DoesNotContain(entries, e => e.Status == "有效");
            }
        }
        Assert.Equal(4, outcomes.Count);
    }

    [Fact]
    public async Task TwoGrantsRacing_TheRegisterAndVerifyMatchTheCommittedGrant()
    {
        await using var server = await RunningServer.StartAsync(demo: true);
        var set = CaseApi.Definitions(server);
        var item = set.Item(Item)!;
        var register = (ICertificateRegister)server.Services.GetRequiredService<ICaseStore>();
        const int Rounds = 6;
        for (var round = 0; round < Rounds; round++)
        {
            var clerk = await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item));
            var (_, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }));
            var id = view["id"]!.GetValue<string>();
            var review = CaseApi.ActiveTasks(view)[0]!;
            (_, view) = await CaseApi.PostAsync(await server.SignInAsync(CaseApi.AccountFor(review["signers"]![0]!["assignee"]!)), $"/api/cases/{id}/complete",
                new JsonObject { ["taskId"] = review["id"]!.GetValue<string>(), ["outcome"] = "pass" });
            var decide = CaseApi.ActiveTasks(view)[0]!;
            var head = CaseApi.AccountFor(decide["signers"]![0]!["assignee"]!);
            var (a, b) = (await server.SignInAsync(head), await server.SignInAsync(head));
            // Half the rounds both heads name the version they saw (If-Match), half they do not: either
            // way one grant commits and the other is refused, and each renders a different certificate.
            long? version = round % 2 == 0 ? view["version"]!.GetValue<long>() : null;
            JsonObject Grant() => new() { ["taskId"] = decide["id"]!.GetValue<string>(), ["outcome"] = "grant" };
            var results = await Task.WhenAll(
                CaseApi.PostAsync(a, $"/api/cases/{id}/complete", Grant(), ifMatch: version),
                CaseApi.PostAsync(b, $"/api/cases/{id}/complete", Grant(), ifMatch: version));
            var committed = Assert.Single(results, r => r.Response.IsSuccessStatusCode).Body;
            var (refused, why) = Assert.Single(results, r => !r.Response.IsSuccessStatusCode);
            // The loser is refused by the store (409 stale version), by the engine (422 task closed), or, when it
            // arrives after the winner committed, by the policy: the decision step is no longer the case's (403 WF9475/WF9476).
            Assert.True((int)refused.StatusCode is 409 or 422 || refused.StatusCode == HttpStatusCode.Forbidden
                && why["code"]?.GetValue<string>() is "WF9475" or "WF9476", $"{refused.StatusCode}: {why.ToJsonString()}");

            // The register holds the committed grant's certificate, and /verify answers for its PDF.
            var entry = Assert.Single(await register.CertificatesOfCaseAsync(Guid.Parse(id)));
            var documents = committed["case"]!["documents"]!.AsArray().Select(d => d!["documentId"]!.GetValue<string>()).ToList();
            Assert.Contains(entry.DocumentId, documents);
            using var admin = await server.SignInAsync("admin");
            var stored = (await admin.GetFromJsonAsync<JsonObject>($"/api/cases/{id}"))!;
            Assert.Equal(committed["version"]!.GetValue<long>(), stored["version"]!.GetValue<long>());
            var pdf = await admin.GetByteArrayAsync($"/api/cases/{id}/documents/{entry.DocumentId}");
            var verified = await server.GetJsonAsync($"/verify/{entry.Identifier}?format=json");
            Assert.Equal("有效", verified["status"]!.GetValue<string>());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), verified["pdfSha256"]!.GetValue<string>());
        }
    }

    private static List<WebhookReceiver.Received> Distinct(WebhookReceiver receiver, string caseId) =>
        receiver.Requests.Where(r => r.Body.Contains(caseId, StringComparison.Ordinal)).DistinctBy(r => r.Delivery).ToList();

    private static async Task<JsonObject> RunToClosingAsync(ServerProcess server, DefinitionSet set)
    {
        var item = set.Item(Item)!;
        var (created, view) = await CaseApi.PostAsync(await server.SignInAsync(CaseLifecycleApiTests.IntakeClerk(set, item)), "/api/cases",
            CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }));
        Assert.True(created.StatusCode == HttpStatusCode.Created, view.ToJsonString());
        for (var round = 0; round < 20 && !view["closed"]!.GetValue<bool>(); round++)
        {
            var task = CaseApi.ActiveTasks(view)[0]!;
            var step = item.Workflow!.Steps.Single(s => s.Id == task["stepId"]!.GetValue<string>());
            var outcome = step.Outcomes.Keys.FirstOrDefault(o => o is "pass" or "grant") ?? step.Outcomes.Keys.FirstOrDefault();
            (_, view) = await CaseApi.PostAsync(await server.SignInAsync(CaseApi.AccountFor(task["signers"]![0]!["assignee"]!)), $"/api/cases/{view["id"]}/complete",
                new JsonObject { ["taskId"] = task["id"]!.GetValue<string>(), ["outcome"] = outcome });
        }
        Assert.True(view["closed"]!.GetValue<bool>(), view.ToJsonString());
        return view;
    }

    internal static void Deploy(Type plugin, string folder, string settings)
    {
        Directory.CreateDirectory(folder);
        var name = plugin.Assembly.GetName().Name!;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(plugin.Assembly.Location)!, name + ".*"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "settings.json"), settings);
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
