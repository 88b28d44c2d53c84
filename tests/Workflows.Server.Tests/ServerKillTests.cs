using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Workflows.Definitions.Loading;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.Ports;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Server.Hosting;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary>
/// The server killed with SIGKILL, several times, while it works (issue 13): under a load of
/// intakes and task completions, and while hundreds of timers fire. Real processes on one SQLite
/// data folder; every wait is on a state (acknowledged answers, log lines), never a fixed delay.
/// </summary>
public sealed class ServerKillTests(Xunit.Abstractions.ITestOutputHelper output) : IDisposable
{
    private const string Item = "agri-machinery-registration";
    private const int Kills = 3;
    private readonly Repo.SampleCounty _county = new();
    private string Data => Path.Combine(_county.Root, "data");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _county.Dispose();
    }

    /// <summary>A request the load sent: its answer once acknowledged, or none when the kill took it.</summary>
    private sealed record Sent(string Path, JsonObject Body, string Key, long? IfMatch, string Account)
    {
        public HttpStatusCode? Status { get; set; }
        public JsonObject? Answer { get; set; }
    }

    [Fact]
    public async Task KilledThreeTimesUnderLoad_EveryAcknowledgedCaseIsThere_NumbersGapFree_AuditIntact_RetriesGetTheFirstAnswer()
    {
        var set = DefinitionLoader.Load(_county.Definitions, null);
        var item = set.Item(Item)!;
        var sent = new ConcurrentQueue<Sent>();
        var replayed = 0;
        var killedInFlight = 0;
        for (var run = 0; run <= Kills; run++)
        {
            await using var server = await ServerProcess.StartAsync(_county, Data, null, "--demo", "--no-demo-cases");
            var accounts = new ConcurrentDictionary<string, Lazy<Task<HttpClient>>>();
            Task<HttpClient> As(string account) => accounts.GetOrAdd(account, a => new(() => server.SignInAsync(a))).Value;

            // After a restart: each request of the run before is sent again with its key. An
            // acknowledged one gets its first answer (replayed); one the kill took now completes.
            foreach (var request in sent.Where(r => r.Status is not { } s || (int)s < 400))
            {
                var (response, body) = await CaseApi.PostAsync(await As(request.Account), request.Path, request.Body, request.Key, request.IfMatch);
                Assert.True(response.IsSuccessStatusCode, $"retry {request.Key}: {(int)response.StatusCode} {body.ToJsonString()}");
                if (request.Answer is { } first)
                {
                    Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    Assert.True(body["replayed"]!.GetValue<bool>(), request.Key);
                    Assert.Equal(first["id"]!.GetValue<string>(), body["id"]!.GetValue<string>());
                    Assert.Equal(first["number"]!.GetValue<string>(), body["number"]!.GetValue<string>());
                    Assert.Equal(first["version"]!.GetValue<long>(), body["version"]!.GetValue<long>());
                    replayed++;
                }
                else
                {
                    (request.Status, request.Answer) = (response.StatusCode, body);
                    killedInFlight++;
                }
            }
            if (run == Kills) break;

            // The load: three workers receiving cases (with the 受理 decision) and completing their
            // review, each request with its idempotency key, until the process dies under them.
            var acknowledged = 0;
            using var killed = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 3).Select(worker => Task.Run(async () =>
            {
                for (var n = 0; !killed.IsCancellationRequested; n++)
                {
                    var create = new Sent("/api/cases", CaseApi.NewCase(item, new JsonObject { ["kind"] = "accept" }), $"load-{run}-{worker}-{n}",
                        null, CaseLifecycleApiTests.IntakeClerk(set, item));
                    if (!await SendAsync(create)) return;
                    var task = CaseApi.ActiveTasks(create.Answer!)[0]!;
                    var complete = new Sent($"/api/cases/{create.Answer!["id"]}/complete",
                        new JsonObject { ["taskId"] = task["id"]!.GetValue<string>(), ["outcome"] = "pass" }, create.Key + "-review",
                        create.Answer!["version"]!.GetValue<long>(), CaseApi.AccountFor(task["signers"]![0]!["assignee"]!));
                    if (!await SendAsync(complete)) return;
                }
            })).ToList();

            async Task<bool> SendAsync(Sent request)
            {
                sent.Enqueue(request);
                try
                {
                    var (response, body) = await CaseApi.PostAsync(await As(request.Account), request.Path, request.Body, request.Key, request.IfMatch);
                    Assert.True(response.IsSuccessStatusCode, $"{request.Key}: {(int)response.StatusCode} {body.ToJsonString()}");
                    (request.Status, request.Answer) = (response.StatusCode, body);
                    Interlocked.Increment(ref acknowledged);
                    return true;
                }
                catch (Exception) when (killed.IsCancellationRequested)
                {
                    return false; // in flight when the process died: retried after the restart
                }
            }

            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Volatile.Read(ref acknowledged) < 20 + 10 * run)
            {
                Assert.True(DateTime.UtcNow < deadline, $"run {run}: {acknowledged} answers in 60 s\n{server.Output}");
                if (workers.FirstOrDefault(w => w.IsFaulted) is { } failed) await failed;
                await Task.Delay(20);
            }
            killed.Cancel();
            server.KillHard();
            await Task.WhenAll(workers);
        }

        // Stopped: the store itself is read, and the CLI checks every hash chain.
        var audit = Repo.Cli(_county.Root, "audit", "verify", "--data", Data);
        Assert.True(audit.ExitCode == 0, audit.All);
        await using var store = await CaseStores.OpenAsync(Data, null);
        var cases = (await store.SearchAsync(new CaseQuery { Take = 10_000 })).Items;
        var creates = sent.Where(r => r.Path == "/api/cases").ToList();
        Assert.Equal(creates.Count, cases.Count);
        foreach (var request in sent)
        {
            var id = Guid.Parse(request.Answer!["id"]!.GetValue<string>());
            var stored = await store.LoadAsync(id);
            Assert.NotNull(stored);
            Assert.True(stored.Version >= request.Answer!["version"]!.GetValue<long>(), request.Key);
            Assert.Equal(request.Answer!["number"]!.GetValue<string>(), stored.Number.Text);
        }
        // 办件编号 gap-free: a number is taken in the transaction that stores the case, or not at all.
        Assert.Equal(Enumerable.Range(1, cases.Count).Select(i => (long)i), cases.Select(c => c.Number.Sequence).Order());
        Assert.True(replayed >= 20 * Kills, $"{replayed} replays");
        output.WriteLine($"{Kills} kills under load: {cases.Count} cases, {sent.Count} requests, {killedInFlight} in flight at a kill and completed by their retry, {replayed} retries answered with the first answer");
    }

    [Fact]
    public async Task KilledThreeTimesWhileHundredsOfTimersFire_NoCaseIsLeftWithoutItsWake_NoneFiresTwice()
    {
        const int Cases = 300;
        var received = DateTimeOffset.Parse("2026-12-14T09:00:00+08:00");
        // Cases received (without a decision) on a day after the real clock's: their acceptance
        // clocks lapse on one instant, which the servers reach only by moving their test clock.
        var catalog = new DefinitionCatalog(_county.Definitions, Path.Combine(_county.Root, "templates"), NullLogger<DefinitionCatalog>.Instance);
        Assert.True(catalog.Reload(), string.Join("\n", catalog.LastDiagnostics));
        var ids = new List<Guid>();
        IReadOnlyList<ScheduledTimer> timers;
        await using (var store = await CaseStores.OpenAsync(Data, null))
        {
            var clerkDesk = new CaseService(store, catalog, Data, new FixedClock(received));
            for (var i = 0; i < Cases; i++)
            {
                var id = Guid.NewGuid();
                var result = await clerkDesk.ExecuteAsync(id, Receive(), itemId: Item);
                Assert.True(result is CaseCommandResult.Ok, result.ToString());
                ids.Add(id);
            }
            timers = await store.PendingTimersAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Assert.Equal(Cases, timers.Count);
        var due = Assert.Single(timers.Select(t => t.DueAt).Distinct());
        Assert.True(due > DateTimeOffset.UtcNow.AddDays(1), $"{due} must lie ahead of the real clock");
        var after = due.AddMinutes(1).ToString("O");

        // Each run moves the clock past the lapse and is killed once it has fired its first timer.
        var logs = new List<string>();
        var firedPerRun = new List<int>();
        var finished = false;   // a quiet machine may fire every timer before a kill lands
        for (var run = 0; run <= Kills && !finished; run++)
        {
            await using var server = await ServerProcess.StartAsync(_county, Data, null, "--test-clock");
            if (run < Kills)
            {
                var moving = server.MoveClockAsync(after);
                // Killed as soon as this run has fired its first timer, mid-sweep (waiting for a share of
                // them let a quiet machine finish all 300 first).
                await server.WaitForLogAsync(log => Fired(log) >= 1 || moving.IsCompleted, TimeSpan.FromSeconds(90), "a timer fired");
                server.KillHard();
                try
                {
                    await moving;
                    finished = true;   // it answered: every due timer had fired before the kill
                }
                catch (Exception) { /* the answer died with the process, as meant */ }
            }
            else
            {
                await server.MoveClockAsync(after); // answers once every due timer has fired
                server.KillHard();
            }
            logs.Add(server.Output);
            firedPerRun.Add(Fired(server.Output));
        }

        // Every run that was killed had fired some; the sum is checked below, case by case (once each, none left).
        Assert.True(firedPerRun.Take(Math.Min(Kills, firedPerRun.Count)).All(n => n > 0), string.Join(",", firedPerRun));
        var all = string.Join("\n", logs);
        await using (var store = await CaseStores.OpenAsync(Data, null))
        {
            // Every lapse fired: once (one acceptance per case), none left due.
            foreach (var id in ids)
                Assert.Single(await store.ReadEventsAsync(id), e => e.Type == "case-accepted");
            Assert.Empty(await store.DueTimersAsync(due.AddMinutes(1)));
            foreach (var timer in timers)
                Assert.True(Count(all, $"(timer fired): {timer.Id}") <= 1, timer.Id);
            // ...and each case holds its next wake, scheduled by the tick that fired.
            var next = await store.PendingTimersAsync();
            Assert.All(ids, id => Assert.Contains(next, t => t.CaseId == id && t.DueAt > due));
        }
        var audit = Repo.Cli(_county.Root, "audit", "verify", "--data", Data);
        Assert.True(audit.ExitCode == 0, audit.All);
        output.WriteLine($"{Cases} acceptance-lapse timers, {Kills} kills: fired per run {string.Join(" + ", firedPerRun)} (logged; a kill may take a line with it)");
    }

    private static int Fired(string log) => Count(log, "(timer fired): ");

    private static int Count(string text, string needle)
    {
        var count = 0;
        for (var at = text.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = text.IndexOf(needle, at + needle.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    private static ReceiveMaterials Receive() => new("", "", new Applicant(ApplicantType.Person, "张建国", "230903197806123513", "13800000000"),
        new JsonObject(),
        new[] { "application", "owner-id-card", "origin-proof", "conformity-certificate", "inspection-certificate" }
            .Select(id => new MaterialRecord(id, MaterialStatus.Received)).ToList(),
        new Actor("clerk", Window: "comprehensive-2"));

    private sealed class FixedClock(DateTimeOffset now) : IClock
    {
        public DateTimeOffset Now { get; } = now;
    }
}
