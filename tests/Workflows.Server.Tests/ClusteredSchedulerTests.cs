using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;
using Workflows.Storage.PostgreSql;

namespace Workflows.Server.Tests;

/// <summary>
/// Two real server processes on one PostgreSQL database, Hangfire keeping its jobs there: the
/// recurring timer sweep runs on either node, and each timer fires on exactly one of them. Runs in a fresh schema on the server named by
/// WORKFLOWS_TEST_POSTGRES (./test.sh starts one); without it the test fails, never skips.
/// A case received on one node is worked on both, its certificate printed on the other and verified on either.
/// </summary>
public sealed class ClusteredSchedulerTests : IAsyncLifetime
{
    public const string ConnectionVariable = "WORKFLOWS_TEST_POSTGRES";
    private const string Item = "agri-machinery-registration";
    private static readonly Actor Clerk = new("clerk", Window: "comprehensive-2");

    private readonly Repo.SampleCounty _county = new();
    private readonly string _schema = "scheduler_test_" + Guid.NewGuid().ToString("N");
    private string? _server;

    private string Connection => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;

    public async Task InitializeAsync()
    {
        _server = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(_server))
        {
            throw new InvalidOperationException(
                $"{ConnectionVariable} is not set, so the clustered scheduler test cannot run (it fails instead of skipping). " +
                "Run ./test.sh, which starts a throwaway cluster, or: eval \"$(scripts/postgres-test.sh start)\" and then dotnet test.");
        }

        await ExecuteAdminAsync($"CREATE SCHEMA {_schema}");
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!string.IsNullOrWhiteSpace(_server)) await ExecuteAdminAsync($"DROP SCHEMA IF EXISTS {_schema} CASCADE");
        _county.Dispose();
    }

    [Fact]
    public async Task TwoServersOnOneDatabase_EachTimerFiresOnExactlyOneOfThem()
    {
        await using var a = await StartNodeAsync("node-a");
        await using var b = await StartNodeAsync("node-b");
        await a.MoveClockAsync("2026-03-09T12:00:00+08:00");
        await b.MoveClockAsync("2026-03-09T12:00:00+08:00");

        // Cases received on 2 March by a third party on the same database: their acceptance clocks
        // lapse on 10 March, so each has one timer due at 00:00:05 that day.
        var catalog = new DefinitionCatalog(_county.Definitions, Path.Combine(_county.Root, "templates"), NullLogger<DefinitionCatalog>.Instance);
        Assert.True(catalog.Reload(), string.Join("\n", catalog.LastDiagnostics));
        await using var store = await PostgreSqlCaseStore.OpenAsync(Connection);
        var clerkDesk = new CaseService(store, catalog, Path.Combine(_county.Root, "clerk"), new FixedClock(DateTimeOffset.Parse("2026-03-02T09:00:00+08:00")));
        var cases = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var id = Guid.NewGuid();
            var result = await clerkDesk.ExecuteAsync(id, Receive(), itemId: Item);
            Assert.True(result is CaseCommandResult.Ok, result.ToString());
            cases.Add(id);
        }

        var timers = (await store.PendingTimersAsync()).ToList();
        Assert.Equal(6, timers.Count);
        Assert.All(timers, t => Assert.Equal(DateTimeOffset.Parse("2026-03-10T00:00:05+08:00"), t.DueAt));

        // Both nodes 20 s before the due time: the sweep each move runs finds nothing due; past it the
        // recurring timer sweep (each minute, real time) fires them, each claimed with its tick once.
        await a.MoveClockAsync("2026-03-09T23:59:45+08:00");
        await b.MoveClockAsync("2026-03-09T23:59:45+08:00");
        var deadline = DateTime.UtcNow.AddSeconds(150);
        foreach (var id in cases)
        {
            while ((await store.ReadEventsAsync(id)).All(e => e.Type != "case-accepted"))
            {
                Assert.True(DateTime.UtcNow < deadline, $"case {id} was not accepted by lapse within 150 s\n--- a\n{a.Output}\n--- b\n{b.Output}");
                await Task.Delay(200);
            }
        }

        // Later on both nodes: their sweeps find nothing left to fire.
        await a.MoveClockAsync("2026-03-10T09:00:00+08:00");
        await b.MoveClockAsync("2026-03-10T09:00:00+08:00");

        var output = a.Output + b.Output;
        foreach (var id in cases) Assert.Single(await store.ReadEventsAsync(id), e => e.Type == "case-accepted");
        foreach (var timer in timers)
        {
            Assert.Equal(1, Occurrences(output, $"(timer fired): {timer.Id}"));
        }

        // What is pending now is each case's next wake, scheduled by the tick that fired.
        var next = await store.PendingTimersAsync();
        Assert.DoesNotContain(next, t => timers.Any(fired => fired.Id == t.Id));
        Assert.All(cases, id => Assert.Contains(next, t => t.Id == $"{id:D}:tick:2026-03-11"));
        Assert.DoesNotContain("fail:", output);
        Assert.Equal(2, await ClusterInstancesAsync());
    }

    [Fact]
    public async Task TwoServersOnOneDatabase_ACaseAcceptedOnOneIsWorkedAndCompletedOnTheOther()
    {
        // Started one after the other: the first creates the demo accounts in the shared database.
        await using var a = await StartNodeAsync("node-a", "--demo", "--no-demo-cases");
        await using var b = await StartNodeAsync("node-b", "--demo", "--no-demo-cases");
        var set = Workflows.Definitions.Loading.DefinitionLoader.Load(_county.Definitions, null);
        var item = set.Item(Item)!;

        using var clerk = await a.SignInAsync("clerk-comprehensive-2");
        var (created, view) = await CaseApi.PostAsync(clerk, "/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }), "two-nodes-1");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = view["id"]!.GetValue<string>();

        // node b sees the task node a created, and each step alternates between the nodes
        using var reviewer = await b.SignInAsync("agriculture-reviewer");
        var inbox = JsonNode.Parse(await reviewer.GetStringAsync("/api/tasks?scope=mine"))!["tasks"]!.AsArray();
        Assert.Contains(inbox, t => t!["caseId"]!.GetValue<string>() == id);
        var nodes = new[] { b, a, b };
        for (var i = 0; !view["closed"]!.GetValue<bool>(); i++)
        {
            Assert.True(i < nodes.Length, view.ToJsonString());
            var task = CaseApi.ActiveTasks(view)[0]!;
            var step = item.Workflow!.Steps.Single(s => s.Id == task["stepId"]!.GetValue<string>());
            using var worker = await nodes[i].SignInAsync(CaseApi.AccountFor(task["signers"]![0]!["assignee"]!));
            HttpResponseMessage response;
            (response, view) = await CaseApi.PostAsync(worker, $"/api/cases/{id}/complete", new JsonObject
            {
                ["taskId"] = task["id"]!.GetValue<string>(), ["outcome"] = step.Outcomes.Keys.FirstOrDefault(o => o is "pass" or "grant"),
            }, $"two-nodes-step-{i}", ifMatch: view["version"]!.GetValue<long>());
            Assert.True(response.IsSuccessStatusCode, view.ToJsonString());
        }

        // both nodes answer the same closed case, from the one store
        using var admin = await a.SignInAsync("admin");
        using var adminB = await b.SignInAsync("admin");
        foreach (var client in new[] { admin, adminB })
        {
            var seen = JsonNode.Parse(await client.GetStringAsync($"/api/cases/{id}"))!;
            Assert.Equal("completed", seen["status"]!.GetValue<string>());
            Assert.Equal(view["version"]!.GetValue<long>(), seen["version"]!.GetValue<long>());
        }

        // The certificate granted on node a: printed on node b, the same bytes on a, and the register
        // behind /verify answers alike on both (it is in the store, not on a node's disk).
        await using var store = await PostgreSqlCaseStore.OpenAsync(Connection);
        var certificate = Assert.Single(await ((ICertificateRegister)store).CertificatesOfCaseAsync(Guid.Parse(id)));
        var printedOnB = await adminB.GetByteArrayAsync($"/api/cases/{id}/documents/{certificate.DocumentId}");
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(printedOnB, 0, 4));
        Assert.Equal(printedOnB, await admin.GetByteArrayAsync($"/api/cases/{id}/documents/{certificate.DocumentId}"));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(printedOnB));
        foreach (var node in new[] { a, b })
        {
            var verified = JsonNode.Parse(await node.Http.GetStringAsync($"/verify/{certificate.Identifier}?format=json"))!;
            Assert.Equal("有效", verified["status"]!.GetValue<string>());
            Assert.Equal(certificate.Identifier, verified["identifier"]!.GetValue<string>());
            Assert.Equal(sha, verified["pdfSha256"]!.GetValue<string>());
        }

        // Every document of the case (the notices issued on a, the certificate) is served by both nodes.
        foreach (var document in view["case"]!["documents"]!.AsArray())
        {
            var documentId = document!["documentId"]!.GetValue<string>();
            Assert.Equal(await admin.GetByteArrayAsync($"/api/cases/{id}/documents/{documentId}"),
                await adminB.GetByteArrayAsync($"/api/cases/{id}/documents/{documentId}"));
        }
    }

    /// <summary>A node on the shared database, its clock movable (<c>--test-clock</c>).</summary>
    private Task<ServerProcess> StartNodeAsync(string name, params string[] extra) =>
        ServerProcess.StartAsync(_county, Path.Combine(_county.Root, name), Connection, ["--test-clock", .. extra]);

    private static int Occurrences(string text, string needle) => Regex.Matches(text, Regex.Escape(needle)).Count;

    private static ReceiveMaterials Receive() => new("", "", new Applicant(ApplicantType.Person, "张建国", "230903197806123513", "13800000000"),
        new JsonObject(),
        new[] { "application", "owner-id-card", "origin-proof", "conformity-certificate", "inspection-certificate" }
            .Select(id => new MaterialRecord(id, MaterialStatus.Received)).ToList(),
        Clerk);

    /// <summary>The Hangfire servers that checked in on the database, from Hangfire's own table.</summary>
    private async Task<long> ClusterInstancesAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Connection) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {Effects.EffectsOptions.HangfireSchema(Connection)}.server", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // The schema name is generated above (letters, digits, underscore), never user input.
    private async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private sealed class FixedClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset Now { get; } = now;
    }
}
