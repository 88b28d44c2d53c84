using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Plugins.Tests;
using Workflows.Storage;
using Process = System.Diagnostics.Process;

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
        await using (var first = await ServerProcess.StartAsync(_county, Data))
        {
            // The receiver is down: every delivery fails and waits for its retry. The last commands'
            // renders may not have run either when the process dies.
            for (var i = 0; i < 3; i++) cases.Add(await RunToClosingAsync(first, set));
            first.KillHard();
        }

        await using var receiver = WebhookReceiver.Start(port: port);
        await using var second = await ServerProcess.StartAsync(_county, Data);
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
                using var pdf = await admin.GetAsync($"/api/cases/{id}/documents/{document!["documentId"]!.GetValue<string>()}");
                Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
                Assert.StartsWith("%PDF", Encoding.ASCII.GetString(await pdf.Content.ReadAsByteArrayAsync())[..4]);
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

    private static void Deploy(Type plugin, string folder, string settings)
    {
        Directory.CreateDirectory(folder);
        var name = plugin.Assembly.GetName().Name!;
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(plugin.Assembly.Location)!, name + ".*"))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "settings.json"), settings);
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary><c>workflows serve --demo</c> as a process of its own on the data folder, killable with SIGKILL.</summary>
    private sealed class ServerProcess : IAsyncDisposable
    {
        private static readonly Regex Listening = new(@"Now listening on: (http://\S+)");
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private ServerProcess(Process process) => _process = process;

        public Uri BaseAddress { get; private set; } = null!;

        public string Output
        {
            get { lock (_output) return _output.ToString(); }
        }

        private static string ServerDll => Path.Combine(Repo.Root, "server", "Workflows.Server", "bin",
            AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug",
            "net10.0", "Workflows.Server.dll");

        public static async Task<ServerProcess> StartAsync(Repo.SampleCounty county, string data)
        {
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                WorkingDirectory = county.Root,
            };
            foreach (var arg in new[] { ServerDll, "serve", "--definitions", county.Definitions, "--data", data, "--demo", "--no-demo-cases", "--urls", "http://127.0.0.1:0" })
                info.ArgumentList.Add(arg);
            info.Environment.Remove("WORKFLOWS_POSTGRES");
            var server = new ServerProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
            server._process.OutputDataReceived += (_, e) => server.Append(e.Data);
            server._process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            server._process.Start();
            server._process.BeginOutputReadLine();
            server._process.BeginErrorReadLine();
            server.BaseAddress = new Uri(await server._url.Task.WaitAsync(TimeSpan.FromSeconds(90)));
            return server;
        }

        public async Task<HttpClient> SignInAsync(string userName)
        {
            var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress };
            client.DefaultRequestHeaders.Add(Security.CrossSiteWriteGuard.HeaderName, "1");
            var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Auth.DemoAccounts.Password });
            Assert.True(response.IsSuccessStatusCode, $"sign-in {userName}: {(int)response.StatusCode}\n{Output}");
            return client;
        }

        /// <summary>SIGKILL: no shutdown, no drain, whatever is in flight is lost with the process.</summary>
        public void KillHard()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        private void Append(string? line)
        {
            if (line is null) return;
            lock (_output) _output.AppendLine(line);
            if (Listening.Match(line) is { Success: true } match) _url.TrySetResult(match.Groups[1].Value);
        }

        public ValueTask DisposeAsync()
        {
            KillHard();
            _process.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
