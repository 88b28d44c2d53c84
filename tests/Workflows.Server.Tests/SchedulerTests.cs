using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.Storage;
using Workflows.Definitions.Model;
using Workflows.Engine.Commands;
using Workflows.Engine.State;
using Workflows.Server.Cases;
using Workflows.Server.Cli;
using Workflows.Server.Effects;
using Workflows.Server.Scheduling;
using Workflows.Storage;

namespace Workflows.Server.Tests;

/// <summary>
/// The scheduler in a real server (SQLite, Hangfire's jobs in the data folder), driven by moving the
/// server's test clock over HTTP: acceptance lapse, timer steps, warnings and overdue marks each fire
/// once, and timers pending at a restart are fired once by the recurring timer sweep.
/// </summary>
public sealed class SchedulerTests : IDisposable
{
    private const string Item = "agri-machinery-registration";
    private static readonly Actor Clerk = new("clerk", Window: "comprehensive-2");

    private readonly Repo.SampleCounty _county = new();
    private string DataFolder => Path.Combine(_county.Root, "data");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _county.Dispose();
    }

    [Fact]
    public async Task AcceptanceClock_LapsesOnceWhenTheServerClockPassesItsDueDay()
    {
        await using var host = await SchedulingHost.StartAsync(_county, DataFolder);
        await host.MoveClockAsync("2026-03-02T09:00:00+08:00");
        var id = await host.ReceiveAsync();

        var timer = Assert.Single(await host.Store.PendingTimersAsync(), t => t.CaseId == id);
        Assert.Equal($"{id:D}:tick:2026-03-10", timer.Id);
        Assert.Equal(CaseTimers.TickKind, timer.Kind);
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T00:00:05+08:00"), timer.DueAt);

        await host.MoveClockAsync("2026-03-09T23:59:00+08:00");
        Assert.Equal(CaseStatus.Received, (await host.StateAsync(id)).Status);
        Assert.Equal(0, await host.Sweep.SweepAsync()); // not due yet on this clock: not claimed
        Assert.Contains(await host.Store.PendingTimersAsync(), t => t.Id == timer.Id);

        await host.MoveClockAsync("2026-03-10T09:00:00+08:00");
        await host.MoveClockAsync("2026-03-10T10:00:00+08:00");

        var accepted = Assert.Single(await host.EventsAsync(id, "case-accepted"));
        Assert.Contains("\"ByLapse\":true", accepted.Payload, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(CaseStatus.InProgress, (await host.StateAsync(id)).Status);
        Assert.DoesNotContain(await host.Store.PendingTimersAsync(), t => t.Id == timer.Id);
        Assert.False(await host.Cases.FireTimerAsync(timer)); // fired once, never again
    }

    [Fact]
    public async Task WarningsAndOverdueMarks_EachRaisedOnceOnTheirDay()
    {
        await using var host = await SchedulingHost.StartAsync(_county, DataFolder);
        await host.MoveClockAsync("2026-03-02T09:00:00+08:00");
        var id = await host.ReceiveAsync();
        await host.RunAsync(id, new Accept(Clerk));
        // Promised and statutory 2wd (due 4 March), the review task 1wd (due 3 March), warnings at 80%.

        await host.MoveClockAsync("2026-03-03T09:00:00+08:00");
        Assert.Equal(["Warning task:t1"], await host.AlertsAsync(id));

        await host.MoveClockAsync("2026-03-04T09:00:00+08:00");
        Assert.Equal(["Overdue task:t1", "Warning case:promised", "Warning task:t1"], await host.AlertsAsync(id));

        await host.MoveClockAsync("2026-03-05T09:00:00+08:00");
        await host.MoveClockAsync("2026-03-05T15:00:00+08:00");
        await host.MoveClockAsync("2026-03-20T09:00:00+08:00");
        Assert.Equal(["Overdue case:promised", "Overdue case:statutory", "Overdue task:t1", "Warning case:promised", "Warning task:t1"],
            await host.AlertsAsync(id));
        Assert.Equal(5, (await host.EventsAsync(id, "deadline-alert-raised")).Count);
        Assert.DoesNotContain(await host.Store.PendingTimersAsync(), t => t.CaseId == id);
    }

    [Fact]
    public async Task TimerStep_FiresOnceOnItsWakeDay()
    {
        _county.Replace("items/agri-machinery-registration/workflow.yaml", "      window: comprehensive-2\n    next: review",
            "      window: comprehensive-2\n    next: publicity\n  publicity:\n    kind: timer\n    after: 3wd\n    next: review");
        await using var host = await SchedulingHost.StartAsync(_county, DataFolder);
        await host.MoveClockAsync("2026-03-02T09:00:00+08:00");
        var id = await host.ReceiveAsync();
        await host.RunAsync(id, new Accept(Clerk));
        Assert.Equal(DateOnly.Parse("2026-03-05"), Assert.Single((await host.StateAsync(id)).Tokens).WakeOn);

        await host.MoveClockAsync("2026-03-04T23:00:00+08:00");
        Assert.Empty(await host.EventsAsync(id, "timer-fired"));

        await host.MoveClockAsync("2026-03-05T08:00:00+08:00");
        await host.MoveClockAsync("2026-03-06T08:00:00+08:00");

        Assert.Single(await host.EventsAsync(id, "timer-fired"));
        var state = await host.StateAsync(id);
        Assert.Single(state.Tasks, t => t.StepId == "review");
    }

    [Fact]
    public async Task Restart_WithTimersPending_TheRecurringSweepFiresEachOnce()
    {
        // A receipt day in the real future: the restarted server runs on the real clock until the
        // test moves it, and nothing may fall due by itself in between.
        var receipt = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60);
        while (receipt.DayOfWeek != DayOfWeek.Monday) receipt = receipt.AddDays(1);
        Guid first, second;
        ScheduledTimer timer;
        await using (var before = await SchedulingHost.StartAsync(_county, DataFolder))
        {
            await before.MoveClockAsync($"{receipt:yyyy-MM-dd}T09:00:00+08:00");
            first = await before.ReceiveAsync();
            second = await before.ReceiveAsync();
            timer = Assert.Single(await before.Store.PendingTimersAsync(), t => t.CaseId == first);
        }

        await using var after = await SchedulingHost.StartAsync(_county, DataFolder);
        var pending = await after.Store.PendingTimersAsync();
        Assert.Equal(2, pending.Count);
        // The timer sweep is a Hangfire recurring job, kept in the data folder's job storage.
        await after.WaitUntilAsync(() => Task.FromResult(after.RecurringJobs().Contains(EffectsServiceCollectionExtensions.TimerSweepJob)));

        // Just before the due time nothing is due, so the sweep the move runs fires nothing. Past it, the
        // recurring sweep (each minute, on real time) fires both timers without another move.
        await after.MoveClockAsync((timer.DueAt - TimeSpan.FromSeconds(3)).ToString("O"));
        Assert.Empty(await after.EventsAsync(first, "case-accepted"));
        await after.WaitUntilAsync(async () => (await after.EventsAsync(first, "case-accepted")).Count == 1
                                               && (await after.EventsAsync(second, "case-accepted")).Count == 1, seconds: 120);
        await after.MoveClockAsync((timer.DueAt + TimeSpan.FromHours(9)).ToString("O"));

        Assert.Single(await after.EventsAsync(first, "case-accepted"));
        Assert.Single(await after.EventsAsync(second, "case-accepted"));
        Assert.DoesNotContain(await after.Store.PendingTimersAsync(), t => t.Id == timer.Id);
    }

    [Fact]
    public async Task TestClock_WithoutTheFlag_IsNotFound()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.Http.PostAsJsonAsync("/api/test/clock", new { now = "2026-03-20T09:00:00+08:00" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TestClock_WithTheFlag_MovesTheServerClock()
    {
        await using var host = await SchedulingHost.StartAsync(_county, DataFolder);

        var moved = await host.MoveClockAsync("2026-03-20T09:00:00+08:00");
        var now = DateTimeOffset.Parse(moved["now"]!.GetValue<string>());

        Assert.InRange(now - DateTimeOffset.Parse("2026-03-20T09:00:00+08:00"), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.InRange(host.Clock.Now - DateTimeOffset.Parse("2026-03-20T09:00:00+08:00"), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var bad = await host.Http.PostAsJsonAsync("/api/test/clock", new { now = "next tuesday" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>A real server with <c>--test-clock</c> on a data folder, with handles on its case service, store and scheduler.</summary>
    private sealed class SchedulingHost : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private SchedulingHost(WebApplication app)
        {
            _app = app;
            Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            Http.DefaultRequestHeaders.Add(Security.CrossSiteWriteGuard.HeaderName, "1");
        }

        public HttpClient Http { get; }
        public CaseService Cases => _app.Services.GetRequiredService<CaseService>();
        public ICaseStore Store => _app.Services.GetRequiredService<ICaseStore>();
        public ServerClock Clock => _app.Services.GetRequiredService<ServerClock>();
        public TimerSweep Sweep => _app.Services.GetRequiredService<TimerSweep>();

        public IReadOnlyList<string> RecurringJobs()
        {
            using var connection = _app.Services.GetRequiredService<JobStorage>().GetConnection();
            return connection.GetRecurringJobs().Select(j => j.Id).ToList();
        }

        public static async Task<SchedulingHost> StartAsync(Repo.SampleCounty county, string data)
        {
            var options = new Hosting.ServerOptions(county.Definitions, null, data, "http://127.0.0.1:0", Demo: false) { TestClock = true };
            var app = ServeCommand.Build(options, out var error) ?? throw new InvalidOperationException(error);
            await app.StartAsync();
            return new SchedulingHost(app);
        }

        public async Task<JsonObject> MoveClockAsync(string now)
        {
            var response = await Http.PostAsJsonAsync("/api/test/clock", new { now });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        public async Task<Guid> ReceiveAsync()
        {
            var id = Guid.NewGuid();
            await RunAsync(id, new ReceiveMaterials("", "", new Applicant(ApplicantType.Person, "张建国", "230903197806123513", "13800000000"),
                new JsonObject(),
                new[] { "application", "owner-id-card", "origin-proof", "conformity-certificate", "inspection-certificate" }
                    .Select(m => new MaterialRecord(m, MaterialStatus.Received)).ToList(),
                Clerk));
            return id;
        }

        public async Task RunAsync(Guid id, CaseCommand command)
        {
            var result = await Cases.ExecuteAsync(id, command, itemId: Item);
            Assert.True(result is CaseCommandResult.Ok, $"{command.GetType().Name}: {result}");
        }

        public async Task<CaseState> StateAsync(Guid id) => (await Cases.LoadAsync(id))!.Value.State;

        public async Task<List<StoredEvent>> EventsAsync(Guid id, string type) =>
            (await Store.ReadEventsAsync(id)).Where(e => e.Type == type).ToList();

        public async Task<List<string>> AlertsAsync(Guid id) =>
            (await StateAsync(id)).Alerts.Select(a => $"{a.Kind} {a.Subject}").Order(StringComparer.Ordinal).ToList();

        public async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 30)
        {
            var deadline = DateTime.UtcNow.AddSeconds(seconds);
            while (!await condition())
            {
                Assert.True(DateTime.UtcNow < deadline, $"not reached within {seconds} s");
                await Task.Delay(100);
            }
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
